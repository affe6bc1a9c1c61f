package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.util.Objects;

/** One word of a command line, or one piece of a command's standard input. */
public sealed interface Arg {

  /** Text that is safe to show and to put in the remote command string. */
  record Literal(String value) implements Arg {
    public Literal {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /**
   * A secret: it reaches the Mac only through the channel's stdin (read into a shell variable first)
   * and is shown as {@code (sensitive)}.
   */
  record Sensitive(SecretRef ref) implements Arg {
    public Sensitive {
      Objects.requireNonNull(ref, "ref == null");
    }

    @Override
    public String toString() {
      return "(sensitive)";
    }
  }

  static Arg literal(String value) {
    return new Literal(value);
  }

  static Arg secret(SecretRef ref) {
    return new Sensitive(ref);
  }
}
