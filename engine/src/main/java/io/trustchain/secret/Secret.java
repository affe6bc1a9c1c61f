package io.trustchain.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * A resolved secret value. Deliberately not a record: no accessor, {@code toString()},
 * {@code equals} or {@code hashCode} can leak it. Only the transport calls {@link #reveal()}, when
 * it writes the value to a command's standard input.
 */
public final class Secret {

  private final char[] value;

  private Secret(char[] value) {
    this.value = value.clone();
  }

  public static Secret of(char[] value) {
    return new Secret(Objects.requireNonNull(value, "value == null"));
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value == null").toCharArray());
  }

  /** A copy of the value. Callers clear it after use where they can. */
  public char[] reveal() {
    return value.clone();
  }

  /** Whether the value, written as one stdin line, would survive the trip (no newline in it). */
  public boolean isSingleLine() {
    for (char c : value) {
      if (c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  /** Constant-time comparison with a candidate value (used by the lab and the escrow read-back). */
  public boolean matches(char[] candidate) {
    return java.security.MessageDigest.isEqual(
        new String(value).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new String(candidate).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Scrubs the value from memory. */
  public void destroy() {
    Arrays.fill(value, '\0');
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
