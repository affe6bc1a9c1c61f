package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code expect -c SCRIPT}, for one script only: trustchain's prompt answerer (modules {@code
 * BootstrapTokenPrompt}, marked {@value #MARKER}), which spawns {@code profiles install -type bootstraptoken}
 * on a terminal and answers each prompt with the next line of its own stdin. A terminal merges the spawned
 * program's streams, and expect copies them to its stdout. The lab runs no other script and says so (exit 2).
 */
final class Expect implements Program {

  static final String MARKER = "trustchain-prompts v1";
  static final String SPAWN = "spawn profiles install -type bootstraptoken";

  private final MacState state;

  Expect(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    if (args.size() != 2 || !args.get(0).equals("-c") || !args.get(1).contains(MARKER) || !args.get(1).contains(SPAWN)) {
      ctx.stderr().print("lab: expect runs only trustchain's prompt script (" + MARKER + ", " + SPAWN + ")\n");
      return 2;
    }
    PrintStream terminal = ctx.stdout();
    ProgramContext onTerminal = new ProgramContext(ctx.stdin(), terminal, terminal, ctx.user(), ctx.env());
    return new Profiles(state).run(onTerminal, List.of("install", "-type", "bootstraptoken"));
  }
}
