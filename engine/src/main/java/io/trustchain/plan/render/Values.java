package io.trustchain.plan.render;

import java.util.List;
import java.util.stream.Collectors;

/** Attribute values as the human view prints them: strings quoted, the rest bare. */
final class Values {

  static final String SENSITIVE = "(sensitive value)";

  private Values() {}

  static String format(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> quote(s);
      case List<?> list -> list.stream().map(Values::format).collect(Collectors.joining(", ", "[", "]"));
      default -> value.toString();
    };
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
