package io.trustchain.lab.macos.tools;

import java.util.Locale;
import java.util.Optional;

/**
 * A record path of the local node: {@code /Users/alice} or {@code /Groups/admin} (any case, S75), also
 * with a node prefix when the data source is {@code localhost} ({@code /Local/Default/Users/alice}).
 *
 * @param kind {@code Users} or {@code Groups}
 * @param name the record name, or null for the whole kind ({@code -list /Users})
 */
record DsclPath(String kind, String name) {

  /** The path under data source {@code node}, or empty when it is not a local user or group path. */
  static Optional<DsclPath> parse(String node, String path) {
    String p = path;
    if (node.equals("localhost") || node.equals("/")) {
      for (String prefix : new String[] {"/Local/Default", "/Search"}) {
        if (p.startsWith(prefix + "/")) {
          p = p.substring(prefix.length());
        }
      }
    }
    String[] parts = p.replaceAll("/+$", "").split("/");
    if (parts.length < 2 || parts.length > 3 || !parts[0].isEmpty()) {
      return Optional.empty();
    }
    String kind = switch (parts[1].toLowerCase(Locale.ROOT)) {
      case "users" -> "Users";
      case "groups" -> "Groups";
      default -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(new DsclPath(kind, parts.length == 3 ? parts[2] : null));
  }

  /** Whether {@code node} names the local directory ({@code .}, {@code /Local/Default}, {@code /Search}, {@code localhost}). */
  static boolean localNode(String node) {
    return node.equals(".") || node.equals("/Local/Default") || node.equals("/Search") || node.equals("localhost")
        || node.equals("/");
  }

  boolean users() {
    return kind.equals("Users");
  }

  @Override
  public String toString() {
    return "/" + kind + (name == null ? "" : "/" + name);
  }
}
