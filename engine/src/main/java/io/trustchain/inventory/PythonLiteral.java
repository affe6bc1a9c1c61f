package io.trustchain.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INI inventory values as Ansible types them: Python's {@code ast.literal_eval} of the text, and
 * the text itself when that fails. So {@code 42} is a number, {@code True} a boolean,
 * {@code None} null, {@code "a b"} and {@code 'x'} strings, {@code [1, 2]} a list, {@code {'k': 1}}
 * a mapping, while {@code true}, {@code yes} and {@code 010} stay strings.
 */
final class PythonLiteral {

  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The value Ansible gives {@code text} in an INI inventory: the literal, else the text itself. */
  static Object typed(String text) {
    PythonLiteral p = new PythonLiteral(text);
    try {
      p.skipLeading();
      Object value = p.expression(true);
      p.skipSpace();
      return p.pos == p.text.length() ? value : text;
    } catch (NotALiteral e) {
      return text;
    }
  }

  private static final class NotALiteral extends RuntimeException {
    NotALiteral() {
      super(null, null, false, false);
    }
  }

  private void skipLeading() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean eat(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** A single value, or a tuple when {@code allowTuple} and commas follow. */
  private Object expression(boolean allowTuple) {
    Object first = atom();
    if (!allowTuple) {
      return first;
    }
    skipSpace();
    if (pos >= text.length() || text.charAt(pos) != ',') {
      return first;
    }
    List<Object> items = new ArrayList<>();
    items.add(first);
    while (eat(',')) {
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) == ')') {
        break;
      }
      items.add(atom());
    }
    return Collections.unmodifiableList(items);
  }

  private Object atom() {
    skipSpace();
    if (pos >= text.length()) {
      throw new NotALiteral();
    }
    char c = text.charAt(pos);
    if (c == '[') {
      pos++;
      return Collections.unmodifiableList(sequence(']'));
    }
    if (c == '(') {
      pos++;
      if (eat(')')) {
        return List.of();
      }
      Object inner = expression(true);
      if (!eat(')')) {
        throw new NotALiteral();
      }
      return inner;
    }
    if (c == '{') {
      pos++;
      return braces();
    }
    if (c == '-' || c == '+') {
      pos++;
      skipSpace();
      Object n = number();
      return c == '+' ? n : negate(n);
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      return number();
    }
    if (c == '"' || c == '\'' || isStringPrefix()) {
      return strings();
    }
    String word = word();
    return switch (word) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      case "None" -> null;
      default -> throw new NotALiteral();
    };
  }

  private List<Object> sequence(char close) {
    List<Object> items = new ArrayList<>();
    if (eat(close)) {
      return items;
    }
    do {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == close) {
        break;
      }
      items.add(expression(false));
    } while (eat(','));
    if (!eat(close)) {
      throw new NotALiteral();
    }
    return items;
  }

  private Object braces() {
    if (eat('}')) {
      return Map.of();
    }
    Object first = expression(false);
    if (!eat(':')) {
      List<Object> set = new ArrayList<>();
      set.add(first);
      while (eat(',')) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '}') {
          break;
        }
        set.add(expression(false));
      }
      if (!eat('}')) {
        throw new NotALiteral();
      }
      return Collections.unmodifiableList(set);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key(first), expression(false));
    while (eat(',')) {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '}') {
        break;
      }
      Object k = expression(false);
      if (!eat(':')) {
        throw new NotALiteral();
      }
      map.put(key(k), expression(false));
    }
    if (!eat('}')) {
      throw new NotALiteral();
    }
    return Collections.unmodifiableMap(map);
  }

  /** JSON keys as Python's json module writes them. */
  private static String key(Object k) {
    return switch (k) {
      case null -> "null";
      case Boolean b -> b.toString();
      case Double d -> PythonJson.pythonFloat(d);
      case List<?> l -> throw new NotALiteral();
      case Map<?, ?> m -> throw new NotALiteral();
      default -> k.toString();
    };
  }

  private Object negate(Object n) {
    return switch (n) {
      case Long l -> InventoryValues.integer(BigInteger.valueOf(l).negate());
      case BigInteger b -> InventoryValues.integer(b.negate());
      case Double d -> -d;
      default -> throw new NotALiteral();
    };
  }

  private static final String DIGITS = "[0-9](?:_?[0-9])*";
  private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile(
      "[1-9](?:_?[0-9])*|0+(?:_?0)*|0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+");
  private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
      "(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS + "\\.)(?:[eE][-+]?" + DIGITS + ")?"
          + "|" + DIGITS + "[eE][-+]?" + DIGITS);

  private Object number() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      boolean exponentSign = (c == '+' || c == '-') && pos > start
          && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
          && !text.substring(start, pos).matches("0[xX].*");
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign)) {
        break;
      }
      pos++;
    }
    String t = text.substring(start, pos);
    if (INTEGER.matcher(t).matches()) {
      String s = t.replace("_", "");
      BigInteger value = switch (s.length() > 1 ? Character.toLowerCase(s.charAt(1)) : ' ') {
        case 'x' -> new BigInteger(s.substring(2), 16);
        case 'o' -> new BigInteger(s.substring(2), 8);
        case 'b' -> new BigInteger(s.substring(2), 2);
        default -> new BigInteger(s);
      };
      return InventoryValues.integer(value);
    }
    if (FLOAT.matcher(t).matches()) {
      return Double.parseDouble(t.replace("_", ""));
    }
    throw new NotALiteral();
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean isStringPrefix() {
    int i = pos;
    while (i < text.length() && i - pos < 2 && "rRbBuU".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i > pos && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private Object strings() {
    StringBuilder out = new StringBuilder();
    Boolean bytes = null;
    do {
      String prefix = word().toLowerCase(java.util.Locale.ROOT);
      if (!prefix.matches("|r|u|b|br|rb")) {
        throw new NotALiteral();
      }
      boolean isBytes = prefix.contains("b");
      if (bytes != null && bytes != isBytes) {
        throw new NotALiteral();
      }
      bytes = isBytes;
      PythonString.Read read = PythonString.read(text, pos, prefix.contains("r"));
      if (read == null) {
        throw new NotALiteral();
      }
      out.append(read.value());
      pos = read.end();
      skipSpace();
    } while (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'' || isStringPrefix()));
    return out.toString();
  }


}
