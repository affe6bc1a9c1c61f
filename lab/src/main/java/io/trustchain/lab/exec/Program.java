package io.trustchain.lab.exec;

import java.io.IOException;
import java.util.List;

/** A simulated macOS program (sysadminctl, dscl, fdesetup, …), run by the lab's shell. */
public interface Program {

  /**
   * Runs with {@code args} (without the program name) and returns the exit status. Writes to the
   * context's streams exactly as the real tool does (streams, wording, exit codes per macOS version).
   */
  int run(ProgramContext ctx, List<String> args) throws IOException;
}
