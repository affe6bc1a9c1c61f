package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.util.List;

/** {@code arch}: {@code arm64} on Apple silicon, {@code i386} on Intel (S85; the Intel string is I). */
final class Arch implements Program {

  private final MacState state;

  Arch(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    if (!args.isEmpty()) {
      ctx.stderr().print("lab: arch with arguments (running a program) is not simulated\n");
      return 70;
    }
    ctx.stdout().print((state.os().appleSilicon() ? "arm64" : "i386") + "\n");
    return 0;
  }
}
