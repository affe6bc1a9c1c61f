package io.trustchain.transport;

/** The host could not be reached or the exec did not complete. The message never holds a secret. */
public final class TransportException extends Exception {

  /** What went wrong, for reporting and retry decisions. */
  public enum Kind {
    UNREACHABLE,
    /** The host key is not known (and new keys are not accepted), or it was refused. */
    HOST_KEY,
    /** The host offers another key than the one recorded for it: refused, never "unreachable". */
    HOST_KEY_CHANGED,
    AUTH, TIMEOUT, DROPPED, SECRET, PROTOCOL,
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
