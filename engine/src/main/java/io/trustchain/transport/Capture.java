package io.trustchain.transport;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Marks a command whose standard output is a secret the engine keeps for itself: a property list
 * (what {@code fdesetup -outputplist} writes) whose string {@code field} is handed to the escrow
 * store as {@code item}. Such output is never shown, logged or reported; the command runs in an exec
 * of its own.
 *
 * @param item the escrow item, e.g. {@code personal_recovery_key}
 * @param field the property list key that holds the secret, e.g. {@code RecoveryKey}
 */
public record Capture(String item, String field) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public Capture {
    Objects.requireNonNull(item, "item == null");
    Objects.requireNonNull(field, "field == null");
    if (!NAME.matcher(item).matches()) {
      throw new IllegalArgumentException("escrow item \"" + item + "\" must be letters, digits and _");
    }
    if (!NAME.matcher(field).matches()) {
      throw new IllegalArgumentException("property list key \"" + field + "\" must be letters, digits and _");
    }
  }

  /** {@code RecoveryKey → escrow personal_recovery_key}. */
  @Override
  public String toString() {
    return field + " → escrow " + item;
  }
}
