package io.trustchain.facts;

import java.util.regex.Pattern;

/**
 * Fact paths name one fact of a host, as in the facts JSON: {@code os.version},
 * {@code filevault.status}, {@code users} (which accounts exist), {@code users[alice]} (alice's
 * whole record), {@code users[alice].secure_token}; {@code [*]} stands for every account. A path
 * covers itself and everything below it.
 */
public final class FactPaths {

  private FactPaths() {}

  /** {@code users[NAME]}. */
  public static String user(String name) {
    return "users[" + name + "]";
  }

  /** {@code users[NAME].FIELD}. */
  public static String user(String name, String field) {
    return user(name) + "." + field;
  }

  /** Whether {@code covering} (possibly with {@code [*]}) is {@code path} or one of its parents. */
  static boolean covers(String covering, String path) {
    if (covering.equals(path) || path.startsWith(covering + ".") || path.startsWith(covering + "[")) {
      return true;
    }
    if (!covering.contains("[*]")) {
      return false;
    }
    String regex = Pattern.quote(covering).replace("[*]", "\\E\\[[^\\]]*\\]\\Q");
    return Pattern.compile(regex + "(?:[.\\[].*)?").matcher(path).matches();
  }
}
