package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A JSON node being read, with its path for error messages. */
record JsonIn(JsonNode node, String path) {

  static JsonIn root(JsonNode node) {
    return new JsonIn(node, "");
  }

  JsonIn field(String name) throws PlanFormatException {
    JsonNode child = node.get(name);
    if (child == null || child.isMissingNode()) {
      throw new PlanFormatException("plan: " + where() + "missing \"" + name + "\"");
    }
    return new JsonIn(child, join(name));
  }

  /** The field, or null when it is absent or JSON null. */
  JsonIn optional(String name) {
    JsonNode child = node.get(name);
    return child == null || child.isNull() || child.isMissingNode() ? null : new JsonIn(child, join(name));
  }

  String text(String name) throws PlanFormatException {
    return field(name).asText();
  }

  String optionalText(String name) throws PlanFormatException {
    JsonIn child = optional(name);
    return child == null ? null : child.asText();
  }

  String asText() throws PlanFormatException {
    if (!node.isTextual()) {
      throw wrongType("a string");
    }
    return node.textValue();
  }

  boolean asBoolean() throws PlanFormatException {
    if (!node.isBoolean()) {
      throw wrongType("true or false");
    }
    return node.booleanValue();
  }

  int asInt() throws PlanFormatException {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType("an integer");
    }
    return node.intValue();
  }

  JsonIn object() throws PlanFormatException {
    if (!node.isObject()) {
      throw wrongType("an object");
    }
    return this;
  }

  List<JsonIn> elements() throws PlanFormatException {
    if (!node.isArray()) {
      throw wrongType("an array");
    }
    List<JsonIn> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonIn(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** The field names of an object, in order. */
  List<String> names() throws PlanFormatException {
    object();
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The elements of an array field; an absent or null field is empty. */
  List<JsonIn> optionalElements(String name) throws PlanFormatException {
    JsonIn child = optional(name);
    return child == null ? List.of() : child.elements();
  }

  PlanFormatException problem(String message) {
    return new PlanFormatException("plan: " + where() + message);
  }

  private PlanFormatException wrongType(String expected) {
    return problem("expected " + expected + ", found " + node.getNodeType().name().toLowerCase());
  }

  private String where() {
    return path.isEmpty() ? "" : path + ": ";
  }

  private String join(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
