package io.trustchain.lab.macos;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.ToolFault;
import io.trustchain.lab.macos.state.VarianceFault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.trustchain.lab.macos.tools.Tools;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a simulated program, honouring the tool faults: {@code refuse_silently} (a matching invocation
 * runs against a copy of the Mac, so it prints exactly what it would print, and its changes are dropped;
 * only the clock and the process counter move on) and {@code variance} (the tool runs, and lines nobody
 * documented are added around its output, or its exit status is replaced).
 */
final class FaultableProgram implements Program {

  private final MacState state;
  private final String name;

  FaultableProgram(MacState state, String name) {
    this.state = state;
    this.name = name;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    String commandLine = args.isEmpty() ? name : name + " " + String.join(" ", args);
    Optional<VarianceFault> variance = state.faults().variance(commandLine);
    if (variance.isPresent()) {
      variance.get().fired();
      return vary(ctx, args, commandLine, variance.get());
    }
    return runRefusing(ctx, args, commandLine);
  }

  /** The tool's own output with the fault's lines around it, and its exit status or the fault's. */
  private int vary(ProgramContext ctx, List<String> args, String commandLine, VarianceFault fault)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = runRefusing(new ProgramContext(ctx.stdin(), o, e, ctx.user(), ctx.env()), args, commandLine);
    }
    fault.before().forEach(ctx.stdout()::println);
    if (!fault.replace()) {
      ctx.stdout().print(out.toString(StandardCharsets.UTF_8));
    }
    fault.after().forEach(ctx.stdout()::println);
    if (!fault.replace()) {
      ctx.stderr().print(err.toString(StandardCharsets.UTF_8));
    }
    fault.stderr().forEach(ctx.stderr()::println);
    return fault.exit() == null ? status : fault.exit();
  }

  private int runRefusing(ProgramContext ctx, List<String> args, String commandLine) throws IOException {
    Optional<ToolFault> fault = state.faults().refusal(commandLine);
    if (fault.isEmpty()) {
      return Tools.create(name, state).run(ctx, args);
    }
    fault.get().fired();
    MacState scratch = StateStore.copy(state);
    int status = Tools.create(name, scratch).run(ctx, args);
    state.adoptCounters(scratch);
    return status;
  }

  @Override
  public String toString() {
    return name;
  }
}
