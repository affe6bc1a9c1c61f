package io.trustchain.escrow;

import java.util.Objects;
import java.util.regex.Pattern;

/** What may name a host and an item in a store (they become file names and environment values). */
final class EscrowKeys {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");
  private static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_]*");

  private EscrowKeys() {}

  static void check(String host, String item) {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(item, "item == null");
    if (!HOST.matcher(host).matches() || host.contains("..")) {
      throw new IllegalArgumentException("host \"" + host + "\" cannot name an escrow entry: use letters, digits,"
          + " '_', '.', '-' and '@' (no '..')");
    }
    if (!ITEM.matcher(item).matches()) {
      throw new IllegalArgumentException("escrow item \"" + item + "\" must be lowercase letters, digits and _");
    }
  }
}
