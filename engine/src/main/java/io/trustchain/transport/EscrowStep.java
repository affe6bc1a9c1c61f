package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Work the controller does on the escrow store in the middle of a change, between two execs: nothing of it is
 * sent to the Mac. A command carrying one ({@link Command#escrowStep()}) ends the exec before it, so the Mac's
 * part before it has run and been read; the commands after it run only once it succeeded.
 */
public sealed interface EscrowStep {

  /**
   * A new secret for {@code account} goes to escrow as {@code item} (written and read back) before the Mac
   * changes: {@code source}'s value (a document's secret), or one trustchain generates by {@code rule}.
   * {@code madeAt} dates it by the Mac's clock when the change was planned (ages are judged on the Mac's clock),
   * or is null.
   */
  record Keep(String item, String account, SecretRef source, PasswordRule rule, String madeAt) implements EscrowStep {
    public Keep {
      check(item);
      Objects.requireNonNull(account, "account == null");
      if ((source == null) == (rule == null)) {
        throw new IllegalArgumentException("a kept secret has a source or a rule, not both or neither");
      }
    }
  }

  /** The secret in escrow as {@code pending} becomes {@code item} (written, read back), then {@code pending} goes. */
  record Promote(String pending, String item) implements EscrowStep {
    public Promote {
      check(pending);
      check(item);
    }
  }

  /** {@code pending} is dropped: the Mac kept the secret escrowed as the current one. */
  record Discard(String pending) implements EscrowStep {
    public Discard {
      check(pending);
    }
  }

  /** How a generated password is made: its length and the character classes it draws from (one of each at least). */
  record PasswordRule(int length, List<String> classes) {
    public static final List<String> CLASSES = List.of("upper", "lower", "digits", "symbols");

    public PasswordRule {
      classes = List.copyOf(classes);
      if (classes.isEmpty() || !CLASSES.containsAll(classes)) {
        throw new IllegalArgumentException("character classes are " + CLASSES + ", not " + classes);
      }
      if (length < Math.max(8, classes.size()) || length > 128) {
        throw new IllegalArgumentException("a generated password has 8 to 128 characters, not " + length);
      }
    }
  }

  /** {@code (trustchain) …}: what the step does, for plans and logs. */
  default String display() {
    return switch (this) {
      case Keep k -> "(trustchain) " + (k.source() == null ? "generate a password (" + k.rule().length()
          + " characters: " + String.join(", ", k.rule().classes()) + ")" : "take " + k.source().describe())
          + " for " + k.account() + " and keep it in escrow as " + k.item() + ", read back";
      case Promote p -> "(trustchain) escrow " + p.pending() + " as " + p.item() + ", read back, then drop "
          + p.pending();
      case Discard d -> "(trustchain) drop " + d.pending() + " from escrow";
    };
  }

  private static void check(String item) {
    if (item == null || !Pattern.matches("[a-z][a-z0-9_]*", item)) {
      throw new IllegalArgumentException("escrow item \"" + item + "\" must be lowercase letters, digits and _");
    }
  }
}
