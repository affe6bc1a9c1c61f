package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/** Inventory values as PyYAML's safe dumper writes them (plain when safe, else single-quoted). */
final class InventoryYaml {

  private static final Pattern PLAIN = Pattern.compile("([A-Za-z0-9_./~$(]|-(?! ))[^\\n]*");
  private static final Pattern SPECIAL = Pattern.compile(
      "(?i)(y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?|\\.inf|\\.nan)");

  private InventoryYaml() {}

  static String key(String s) {
    return scalar(s);
  }

  static void entry(String key, Object value, int depth, StringBuilder out, Inventory inventory) {
    String pad = "  ".repeat(depth);
    switch (value) {
      case Map<?, ?> m when m.isEmpty() -> out.append(pad).append(key(key)).append(": {}\n");
      case Map<?, ?> m -> {
        out.append(pad).append(key(key)).append(":\n");
        m.forEach((k, v) -> entry(String.valueOf(k), v, depth + 1, out, inventory));
      }
      case Collection<?> c when c.isEmpty() -> out.append(pad).append(key(key)).append(": []\n");
      case Collection<?> c -> {
        out.append(pad).append(key(key)).append(":\n");
        for (Object item : c) {
          out.append(pad).append("- ").append(item instanceof Map || item instanceof Collection
              ? String.valueOf(item) : inline(item)).append('\n');
        }
      }
      case SecretRef.Vault v -> {
        out.append(pad).append(key(key)).append(": !vault |\n");
        for (String line : inventory.vaultText(v).split("\n")) {
          out.append(pad).append("  ").append(line).append('\n');
        }
      }
      default -> out.append(pad).append(key(key)).append(": ").append(inline(value)).append('\n');
    }
  }

  private static String inline(Object value) {
    return switch (value) {
      case null -> "null";
      case Boolean b -> b.toString();
      case Number n -> n.toString();
      case SecretRef ref -> scalar("!secret " + ref.describe());
      default -> scalar(String.valueOf(value));
    };
  }

  private static String scalar(String s) {
    if (!s.isEmpty() && PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches() && !s.endsWith(" ")
        && !s.contains(" #") && !s.contains(": ")) {
      return s;
    }
    return "'" + s.replace("'", "''") + "'";
  }
}
