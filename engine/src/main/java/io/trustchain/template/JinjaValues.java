package io.trustchain.template;

import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;
import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between the YAML-ish value tree and what Jinjava evaluates over. */
final class JinjaValues {

  private JinjaValues() {}

  /** The Jinjava view of a rendered value: strict maps, secret handles. */
  static Object toJinja(Object value, RenderSession session, String path, String via) {
    return switch (value) {
      case null -> null;
      case SecretRef ref -> new SecretHandle(session, ref, path);
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), toJinja(v, session, path + "." + k, via)));
        yield new StrictMap(session, path, out, via);
      }
      case List<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          out.add(toJinja(list.get(i), session, path + "[" + i + "]", via));
        }
        yield out;
      }
      default -> value;
    };
  }

  /**
   * The plain value of what an expression returned.
   *
   * @throws TemplateException it is, or holds, an undefined value
   */
  static Object toPlain(Object value) throws TemplateException {
    return switch (value) {
      case null -> null;
      case Undefined u -> throw u.error();
      case SecretHandle h -> h.ref();
      case PyMap m -> toPlain(m.toMap());
      case PyList l -> toPlain(l.toList());
      case SafeString s -> s.toString();
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.put(String.valueOf(e.getKey()), toPlain(e.getValue()));
        }
        yield out;
      }
      case Set<?> set -> {
        Set<Object> out = new LinkedHashSet<>();
        for (Object o : set) {
          out.add(toPlain(o));
        }
        yield out;
      }
      case Collection<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
          out.add(toPlain(o));
        }
        yield out;
      }
      default -> value;
    };
  }

  /** Unwraps Jinjava's Python-like wrappers, to look at what a filter was given. */
  static Object unwrap(Object value) {
    if (value instanceof PyMap m) {
      return m.toMap();
    }
    if (value instanceof PyList l) {
      return l.toList();
    }
    return value;
  }

  static boolean isUndefined(Object value) {
    return unwrap(value) instanceof Undefined;
  }

  /** Python's truthiness, for {@code default(x, true)}. */
  static boolean isTruthy(Object value) {
    Object v = unwrap(value);
    return switch (v) {
      case null -> false;
      case Undefined u -> false;
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      case CharSequence s -> !s.isEmpty();
      case Collection<?> c -> !c.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      default -> true;
    };
  }
}
