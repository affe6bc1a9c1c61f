package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.plan.Attributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attributes as a JSON object of values (String, Boolean, Integer/Long/Double, list, null), with
 * the sensitive keys in a sibling array ({@code after_sensitive}, as Terraform does). Sensitive keys
 * hold only a marker, never a value.
 */
final class AttributesCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AttributesCodec() {}

  static JsonNode write(Attributes attributes) {
    if (attributes == null) {
      return F.nullNode();
    }
    ObjectNode n = F.objectNode();
    attributes.values().forEach((k, v) -> n.set(k, value(k, v)));
    return n;
  }

  static ArrayNode writeSensitive(Attributes attributes) {
    ArrayNode a = F.arrayNode();
    new TreeSet<>(attributes.sensitive()).forEach(a::add);
    return a;
  }

  /** Null when the field is absent or JSON null. */
  static Attributes read(JsonIn parent, String field) throws PlanFormatException {
    JsonIn in = parent.optional(field);
    if (in == null) {
      return null;
    }
    in.object();
    Map<String, Object> values = new LinkedHashMap<>();
    var names = in.node().fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      values.put(name, value(in.node().get(name), in.path() + "." + name));
    }
    Set<String> sensitive = new TreeSet<>();
    for (JsonIn s : parent.optionalElements(field + "_sensitive")) {
      sensitive.add(s.asText());
    }
    return new Attributes(values, sensitive);
  }

  private static JsonNode value(String key, Object v) {
    return switch (v) {
      case null -> F.nullNode();
      case String s -> F.textNode(s);
      case Boolean b -> F.booleanNode(b);
      case Integer i -> F.numberNode(i);
      case Long l -> F.numberNode(l);
      case Short s -> F.numberNode(s.intValue());
      case Byte b -> F.numberNode(b.intValue());
      case Double d -> F.numberNode(d);
      case Float f -> F.numberNode(f.doubleValue());
      case List<?> list -> {
        ArrayNode a = F.arrayNode();
        list.forEach(e -> a.add(value(key, e)));
        yield a;
      }
      default -> throw new IllegalArgumentException("attribute " + key + " holds a "
          + v.getClass().getSimpleName() + "; attributes hold strings, booleans, numbers, lists or null");
    };
  }

  private static Object value(JsonNode n, String path) throws PlanFormatException {
    if (n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isInt()) {
      return n.intValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isFloatingPointNumber()) {
      return n.doubleValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        out.add(value(n.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    throw new PlanFormatException("plan: " + path + ": an attribute holds a string, boolean, number, list or null");
  }
}
