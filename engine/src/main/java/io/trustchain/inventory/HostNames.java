package io.trustchain.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an inventory host name, an {@code ansible_host} address and an {@code ansible_user} may hold.
 * A host name becomes a folder (the escrow store's, the lab's), a {@code --limit} pattern and, without
 * {@code ansible_host}, the address SSH connects to; so it holds letters, digits, {@code . - _}, the
 * {@code :} of IPv6 and ports and the brackets of ranges, at most 255 bytes, and never starts with
 * {@code -} (an option to ssh) or is {@code .} or {@code ..} (a path).
 */
final class HostNames {

  static final int MAX_BYTES = 255;

  static final String HINT = "host names hold letters, digits, \".\", \"-\" and \"_\"; set ansible_host for an "
      + "address written otherwise";

  private HostNames() {}

  /** Why {@code name} (an inventory host entry, ranges unexpanded) is no host name; empty when it is. */
  static Optional<String> problem(String name) {
    return check(name, "host name", ".-_:[]");
  }

  /** Why {@code address} ({@code ansible_host}) is no host name or IP address; empty when it is. */
  static Optional<String> addressProblem(String address) {
    return check(address, "address", ".-_:[]%");
  }

  /** Why {@code user} ({@code ansible_user}) cannot be an SSH login name; empty when it can. */
  static Optional<String> userProblem(String user) {
    if (user.isEmpty()) {
      return Optional.of("is empty");
    }
    if (user.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("is longer than " + MAX_BYTES + " bytes");
    }
    if (user.startsWith("-")) {
      return Optional.of("\"" + user + "\" starts with \"-\", which ssh would read as an option");
    }
    for (int i = 0; i < user.length(); i = user.offsetByCodePoints(i, 1)) {
      int c = user.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return Optional.of("holds " + describe(c) + ", which a login name cannot");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> check(String text, String what, String punctuation) {
    if (text.isEmpty()) {
      return Optional.of(what + " is empty");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of(what + " is longer than " + MAX_BYTES + " bytes");
    }
    if (text.startsWith("-")) {
      return Optional.of(what + " \"" + text + "\" starts with \"-\", which ssh would read as an option");
    }
    if (text.equals(".") || text.equals("..")) {
      return Optional.of(what + " \"" + text + "\" is a path, not a name");
    }
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && punctuation.indexOf(c) < 0) {
        return Optional.of(what + " \"" + printable(text) + "\" holds " + describe(c) + ", which a " + what
            + " cannot hold");
      }
    }
    return Optional.empty();
  }

  static String describe(int c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("the character U+%04X", c)
        : "\"" + Character.toString(c) + "\"";
  }

  /** {@code text} with control characters shown as {@code \\uXXXX}, for messages. */
  static String printable(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
        : Character.toString(c)));
    return b.toString();
  }
}
