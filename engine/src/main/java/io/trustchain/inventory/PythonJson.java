package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes values as Python's {@code json.dumps(v, indent=4, sort_keys=True, ensure_ascii=False)}
 * does, which is how {@code ansible-inventory --list} prints: four-space indents, keys sorted by
 * code point, floats in Python's shortest {@code repr}.
 */
final class PythonJson {

  /** Python's ordering of {@code str}: by code point (not by UTF-16 unit). */
  static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  };

  private PythonJson() {}

  /** {@code value} as indented JSON; {@code secrets} renders secret references. */
  static String write(Object value, SecretWriter secrets) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out, secrets);
    return out.toString();
  }

  /** How a secret reference appears in the output (a JSON value). */
  interface SecretWriter {
    Object replacement(SecretRef ref);
  }

  private static void write(Object value, int depth, StringBuilder out, SecretWriter secrets) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b);
      case Double d -> out.append(pythonFloat(d));
      case Float f -> out.append(pythonFloat(f.doubleValue()));
      case Number n -> out.append(n);
      case SecretRef ref -> write(secrets.replacement(ref), depth, out, secrets);
      case Map<?, ?> map -> object(map, depth, out, secrets);
      case Collection<?> list -> array(list, depth, out, secrets);
      default -> string(String.valueOf(value), out);
    }
  }

  private static void object(Map<?, ?> map, int depth, StringBuilder out, SecretWriter secrets) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<String> keys = new ArrayList<>();
    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
    keys.sort(CODE_POINT_ORDER);
    out.append("{\n");
    for (int i = 0; i < keys.size(); i++) {
      indent(depth + 1, out);
      string(keys.get(i), out);
      out.append(": ");
      write(map.get(keys.get(i)), depth + 1, out, secrets);
      out.append(i + 1 < keys.size() ? ",\n" : "\n");
    }
    indent(depth, out);
    out.append('}');
  }

  private static void array(Collection<?> list, int depth, StringBuilder out, SecretWriter secrets) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    int i = 0;
    for (Object item : list) {
      indent(depth + 1, out);
      write(item, depth + 1, out, secrets);
      out.append(++i < list.size() ? ",\n" : "\n");
    }
    indent(depth, out);
    out.append(']');
  }

  private static void indent(int depth, StringBuilder out) {
    out.append(" ".repeat(4 * depth));
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, exponent form outside 1e-4..1e16. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = exact.precision() - exact.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%02d", Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }

  /** A short description of a value for messages: {@code "abc"}, {@code 12}, {@code a list}. */
  static String describe(Object value) {
    return switch (value) {
      case null -> "nothing (null)";
      case String s -> "\"" + s + "\"";
      case Map<?, ?> m -> "a mapping";
      case Collection<?> c -> "a list";
      case SecretRef ref -> "a secret";
      case BigInteger b -> b.toString();
      default -> String.valueOf(value);
    };
  }
}
