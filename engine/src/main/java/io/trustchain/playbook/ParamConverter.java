package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.yaml.YamlTypes;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Converts a {@link Param} tree into a params record through its canonical constructor, reporting
 * every problem at its position: unknown parameters (with "did you mean"), wrong types, missing
 * required parameters, bad enum values, plain text where a secret belongs (without a snippet), and
 * what the compact constructor rejects. Before binding, templates are left unchecked and no record
 * is built ({@link #UNKNOWN}).
 *
 * <p>Types: String, boolean/Boolean, int/Integer, long/Long, double/Double, enums (YAML
 * {@code snake_case} ↔ constant), {@link SecretRef}, nested records, List/Set/Collection of those,
 * Map&lt;String, V&gt; and Object (the plain value).
 */
final class ParamConverter {

  /** A value that could not be converted; already reported. */
  static final Object INVALID = new Object() {
    @Override
    public String toString() {
      return "INVALID";
    }
  };

  /** A value that depends on a template not rendered yet. */
  static final Object UNKNOWN = new Object() {
    @Override
    public String toString() {
      return "UNKNOWN";
    }
  };

  private final String module;
  private final Diagnostics diagnostics;
  private final String suffix;
  private final BiConsumer<SecretRef, SourceRange> secrets;

  /**
   * @param suffix appended to every message, e.g. {@code " (host mac-1)"}
   * @param secrets told of every secret reference accepted, with its position
   */
  ParamConverter(String module, Diagnostics diagnostics, String suffix, BiConsumer<SecretRef, SourceRange> secrets) {
    this.module = module;
    this.diagnostics = diagnostics;
    this.suffix = suffix;
    this.secrets = secrets;
  }

  /** The record, or {@link #INVALID}/{@link #UNKNOWN}. */
  Object record(ParamsSpec spec, Param.Mapping map, String path) {
    Set<String> suggested = new java.util.HashSet<>();
    for (Map.Entry<String, SourceRange> key : map.keys().entrySet()) {
      if (spec.component(key.getKey()).isEmpty()) {
        DidYouMean.closest(key.getKey(), spec.keys()).ifPresent(suggested::add);
        String hint = DidYouMean.hint(key.getKey(), spec.keys());
        boolean sensitive = YamlTypes.looksSensitive(key.getKey()) || DidYouMean.closest(key.getKey(), spec.keys())
            .flatMap(spec::component).map(ParamsSpec.Component::sensitive).orElse(false);
        report(key.getValue(), "unknown parameter \"" + path + key.getKey() + "\" for module " + module,
            hint != null ? hint : "known: " + String.join(", ", spec.keys()), sensitive);
      }
    }
    List<ParamsSpec.Component> components = spec.components();
    Object[] args = new Object[components.size()];
    boolean invalid = false;
    boolean unknown = false;
    for (int i = 0; i < args.length; i++) {
      ParamsSpec.Component c = components.get(i);
      Param value = map.entries().get(c.key());
      if (value == null || (value instanceof Param.Scalar s && s.value() == null)) {
        if (c.required()) {
          if (!suggested.contains(c.key())) { // a misspelling of it was reported already
            report(map.at(), "missing required parameter \"" + path + c.key() + "\" for module " + module, null,
                false);
          }
          invalid = true;
        }
        args[i] = ParamTypes.absent(c.raw());
        continue;
      }
      Object converted = convert(value, c.type(), path + c.key(), c.sensitive());
      invalid |= converted == INVALID;
      unknown |= converted == UNKNOWN;
      args[i] = converted;
    }
    if (invalid) {
      return INVALID;
    }
    if (unknown) {
      return UNKNOWN;
    }
    try {
      return spec.construct(args);
    } catch (IllegalArgumentException e) {
      report(map.at(), "invalid parameters" + (path.isEmpty() ? "" : " in \"" + path.substring(0, path.length() - 1)
          + "\"") + " for module " + module + ": " + e.getMessage(), null, false);
      return INVALID;
    }
  }

  /** One value converted to {@code type}, or {@link #INVALID}/{@link #UNKNOWN}. */
  Object convert(Param param, Type type, String name, boolean sensitive) {
    Class<?> raw = ParamTypes.raw(type);
    if (param instanceof Param.Invalid) {
      return INVALID;
    }
    if (param instanceof Param.Template t) {
      if ((sensitive || raw == SecretRef.class) && !ParamTypes.isLoneExpression(t.text())) {
        return notASecret(t.at(), name);
      }
      return UNKNOWN;
    }
    if (raw == SecretRef.class || sensitive) {
      if (param instanceof Param.Scalar s && s.value() instanceof SecretRef ref) {
        secrets.accept(ref, s.at());
        return ref;
      }
      return notASecret(param.at(), name);
    }
    if (param instanceof Param.Scalar s && s.value() instanceof SecretRef && raw != Object.class) {
      return mismatch(param, "expected " + ParamTypes.expected(type) + ", got a secret", true);
    }
    if (raw == Object.class) {
      return plain(param);
    }
    if (raw.isRecord()) {
      if (param instanceof Param.Mapping m) {
        return record(ParamsSpec.of(raw), m, name + ".");
      }
      return mismatch(param, "expected a mapping, got " + ParamTypes.describe(param), false);
    }
    if (List.class == raw || Set.class == raw || java.util.Collection.class == raw) {
      return collection(param, type, raw, name);
    }
    if (Map.class == raw) {
      return mapping(param, type, name);
    }
    if (param instanceof Param.Scalar s) {
      return scalar(s, raw, type);
    }
    return mismatch(param, "expected " + ParamTypes.expected(type) + ", got " + ParamTypes.describe(param), false);
  }

  private Object scalar(Param.Scalar s, Class<?> raw, Type type) {
    Object v = s.value();
    if (raw == String.class) {
      if (v instanceof String || v instanceof Long || v instanceof Double) {
        return v instanceof String str ? str : s.text();
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      var b = YamlTypes.toBoolean(v);
      if (b.isPresent()) {
        return b.get();
      }
    } else if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
      Long n = v instanceof Long l ? l : v instanceof Integer i ? Long.valueOf(i) : ParamTypes.parseLong(v);
      if (n != null) {
        boolean isInt = raw == Integer.class || raw == int.class;
        if (isInt && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
          return mismatch(s, "expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
              + ", got " + n, false);
        }
        return isInt ? (Object) n.intValue() : n;
      }
    } else if (raw == Double.class || raw == double.class) {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof String str) {
        try {
          return Double.parseDouble(str.strip());
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    } else if (raw.isEnum()) {
      return enumValue(s, raw);
    } else {
      throw new IllegalStateException("unsupported parameter type " + type.getTypeName() + " in module " + module);
    }
    return mismatch(s, "expected " + ParamTypes.expected(type) + ", got " + ParamTypes.describe(s), false);
  }

  private Object enumValue(Param.Scalar s, Class<?> raw) {
    List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
        .toList();
    if (s.value() instanceof String str) {
      int i = names.indexOf(str.strip());
      if (i >= 0) {
        return raw.getEnumConstants()[i];
      }
    }
    String hint = s.value() instanceof String str ? DidYouMean.hint(str, names) : null;
    report(s.at(), "expected one of " + String.join(", ", names) + "; got " + ParamTypes.describe(s), hint, false);
    return INVALID;
  }

  private Object collection(Param param, Type type, Class<?> raw, String name) {
    Type item = ParamTypes.typeArgument(type, 0);
    if (!(param instanceof Param.Seq seq)) {
      return mismatch(param, "expected " + ParamTypes.expected(type) + ", got " + ParamTypes.describe(param), false);
    }
    List<Object> out = new ArrayList<>();
    boolean invalid = false;
    boolean unknown = false;
    for (int i = 0; i < seq.items().size(); i++) {
      Object v = convert(seq.items().get(i), item, name + "[" + i + "]", false);
      invalid |= v == INVALID;
      unknown |= v == UNKNOWN;
      out.add(v);
    }
    if (invalid || unknown) {
      return invalid ? INVALID : UNKNOWN;
    }
    return raw == Set.class ? Collections.unmodifiableSet(new LinkedHashSet<>(out)) : Collections.unmodifiableList(out);
  }

  private Object mapping(Param param, Type type, String name) {
    Type valueType = ParamTypes.typeArgument(type, 1);
    if (!(param instanceof Param.Mapping m)) {
      return mismatch(param, "expected a mapping, got " + ParamTypes.describe(param), false);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    boolean invalid = false;
    boolean unknown = false;
    for (Map.Entry<String, Param> e : m.entries().entrySet()) {
      Object v = convert(e.getValue(), valueType, name + "." + e.getKey(), false);
      invalid |= v == INVALID;
      unknown |= v == UNKNOWN;
      out.put(e.getKey(), v);
    }
    if (invalid || unknown) {
      return invalid ? INVALID : UNKNOWN;
    }
    return Collections.unmodifiableMap(out);
  }

  /** The plain value of a tree (for Object and Map&lt;String, Object&gt;). */
  private Object plain(Param param) {
    return switch (param) {
      case Param.Scalar s -> {
        if (s.value() instanceof SecretRef ref) {
          secrets.accept(ref, s.at());
        }
        yield s.value();
      }
      case Param.Template t -> UNKNOWN;
      case Param.Invalid i -> INVALID;
      case Param.Seq seq -> {
        List<Object> out = new ArrayList<>();
        for (Param p : seq.items()) {
          Object v = plain(p);
          if (v == INVALID || v == UNKNOWN) {
            yield v;
          }
          out.add(v);
        }
        yield Collections.unmodifiableList(out);
      }
      case Param.Mapping m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : m.entries().entrySet()) {
          Object v = plain(e.getValue());
          if (v == INVALID || v == UNKNOWN) {
            yield v;
          }
          out.put(e.getKey(), v);
        }
        yield Collections.unmodifiableMap(out);
      }
    };
  }

  private Object notASecret(SourceRange at, String name) {
    report(at, "parameter \"" + name + "\" of module " + module + " must be a secret, not plain text",
        "write !secret env:NAME, !secret file:PATH, !secret command:CMD, !vault, or \"{{ var }}\" naming a"
            + " variable that holds one", true);
    return INVALID;
  }

  private Object mismatch(Param param, String message, boolean sensitive) {
    report(param.at(), message, null, sensitive);
    return INVALID;
  }

  private void report(SourceRange at, String message, String hint, boolean sensitive) {
    Diagnostic d = Diagnostic.error(at, message + suffix, hint);
    diagnostics.add(sensitive ? d.withoutSnippet() : d);
  }

}
