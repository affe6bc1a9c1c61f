package io.trustchain.lab.shell;

/** Control flow that unwinds the interpreter: {@code exit}, {@code break} and {@code continue}. */
final class Signals {

  private Signals() {}

  /** {@code exit N}: leaves the current shell (the script, a pipeline stage, a substitution). */
  static final class Exit extends RuntimeException {
    final int status;

    Exit(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /** {@code break N} or {@code continue N}. */
  static final class Loop extends RuntimeException {
    final boolean isBreak;
    final int levels;

    Loop(boolean isBreak, int levels) {
      super(null, null, false, false);
      this.isBreak = isBreak;
      this.levels = levels;
    }
  }
}
