package io.trustchain.playbook;

import io.trustchain.secret.SecretRef;
import io.trustchain.yaml.YamlTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parameter types {@link ParamConverter} knows, and the words for them in messages. */
final class ParamTypes {

  private ParamTypes() {}

  /** Whether {@code text} is exactly one {@code {{ expression }}}. */
  static boolean isLoneExpression(String text) {
    String t = text.strip();
    return t.startsWith("{{") && t.endsWith("}}") && t.indexOf("{{", 2) < 0 && t.indexOf("}}") == t.length() - 2
        && !t.contains("{%");
  }

  /** A string of digits as a number (what a template renders); else null. */
  static Long parseLong(Object v) {
    if (v instanceof String s && s.strip().matches("[-+]?[0-9]+")) {
      try {
        return Long.parseLong(s.strip().replace("+", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The value of an absent component: null, or a primitive's zero. */
  static Object absent(Class<?> raw) {
    if (!raw.isPrimitive()) {
      return null;
    }
    if (raw == boolean.class) {
      return false;
    }
    if (raw == double.class) {
      return 0.0;
    }
    if (raw == long.class) {
      return 0L;
    }
    return 0;
  }

  /** A value as a user would recognise it in an error. */
  static String describe(Param param) {
    return switch (param) {
      case Param.Scalar s -> YamlTypes.describe(s.value());
      case Param.Seq s -> "a list";
      case Param.Mapping m -> "a mapping";
      case Param.Template t -> "\"" + t.text() + "\"";
      case Param.Invalid i -> "an invalid value";
    };
  }

  /** What a type expects, in words: {@code true or false}, {@code a list of strings}. */
  static String expected(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return "a string";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
      return "a whole number";
    }
    if (raw == Double.class || raw == double.class) {
      return "a number";
    }
    if (raw == SecretRef.class) {
      return "a secret";
    }
    if (raw.isEnum()) {
      return "one of " + String.join(", ", Arrays.stream(raw.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
    }
    if (raw.isRecord() || Map.class == raw) {
      return "a mapping";
    }
    if (List.class == raw || Set.class == raw || java.util.Collection.class == raw) {
      String item = expected(typeArgument(type, 0));
      return "a list" + (item.startsWith("a ") ? " of " + item.substring(2) + "s" : "");
    }
    return raw.getSimpleName();
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      Type t = p.getActualTypeArguments()[i];
      return t instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : t;
    }
    return Object.class;
  }}
