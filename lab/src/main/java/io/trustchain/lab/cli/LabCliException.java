package io.trustchain.lab.cli;

/** A {@code lab} command cannot do what was asked: the message, a hint, and the exit code. */
final class LabCliException extends Exception {

  private final int exitCode;
  private final String hint;

  LabCliException(int exitCode, String message, String hint) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  static LabCliException usage(String message, String hint) {
    return new LabCliException(LabCommand.USAGE, message, hint);
  }

  static LabCliException failed(String message) {
    return new LabCliException(LabCommand.FAILED, message, null);
  }

  int exitCode() {
    return exitCode;
  }

  String hint() {
    return hint;
  }
}
