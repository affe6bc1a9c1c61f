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
  private final boolean knownDead;

  public TransportException(Kind kind, String message) {
    this(kind, message, null, false);
  }

  public TransportException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, false);
  }

  private TransportException(Kind kind, String message, Throwable cause, boolean knownDead) {
    super(message, cause);
    this.kind = kind;
    this.knownDead = knownDead;
  }

  /**
   * A command that outlived its timeout ({@code TIMEOUT}); {@code knownDead} when the host confirmed that the
   * command and everything it started are gone (killed by trustchain's watchdog), false when that is not known.
   */
  public static TransportException timedOut(String message, boolean knownDead) {
    return new TransportException(Kind.TIMEOUT, message, null, knownDead);
  }

  /**
   * Whether the command of a {@code TIMEOUT} is known to be dead on the host (nothing of it runs any more), so
   * that its host's apply lock may be released. False for every other kind.
   */
  public boolean knownDead() {
    return knownDead;
  }

  public Kind kind() {
    return kind;
  }
}
