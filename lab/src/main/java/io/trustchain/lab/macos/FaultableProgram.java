package io.trustchain.lab.macos;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.ToolFault;
import io.trustchain.lab.macos.tools.Tools;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a simulated program, honouring the {@code refuse_silently} tool fault: a matching invocation runs
 * against a copy of the Mac, so it prints exactly what it would print, and its changes are dropped
 * (only the clock and the process counter move on).
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
