package io.trustchain.cli;

/** A problem the user can fix (bad option combination, missing file): a message and an exit code, no trace. */
public final class UserException extends RuntimeException {

  private final int exitCode;

  public UserException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public static UserException usage(String message) {
    return new UserException(ExitCodes.USAGE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
