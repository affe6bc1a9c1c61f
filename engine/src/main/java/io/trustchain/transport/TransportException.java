package io.trustchain.transport;

/** The host could not be reached or the exec did not complete. The message never holds a secret. */
public final class TransportException extends Exception {

  /** What went wrong, for reporting and retry decisions. */
  public enum Kind {
    UNREACHABLE, HOST_KEY, AUTH, TIMEOUT, DROPPED, SECRET, PROTOCOL,
    /** sudo refused the become password (or the account may not use sudo): nothing else ran. */
    SUDO_REFUSED
  }

  private final Kind kind;

  public TransportException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public TransportException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
