package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a saved plan's secret references from the directory it was made in to the one it is applied
 * in: {@code file:OLD/…}, {@code vault:OLD/…} and a command's {@code work_dir} under OLD become the
 * same paths under NEW. References outside OLD stay as they are. So a CI job may apply a plan that
 * another job, checked out at another path, made.
 */
final class Relocation {

  private Relocation() {}

  static void relocate(JsonNode node, String from, String to) {
    if (from.equals(to)) {
      return;
    }
    String old = from.endsWith("/") ? from : from + "/";
    String now = to.endsWith("/") ? to : to + "/";
    walk(node, old, now);
  }

  private static void walk(JsonNode node, String old, String now) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual() && name.equals("secret")) {
          String text = child.asText();
          for (String kind : List.of("file:", "vault:")) {
            if (text.startsWith(kind + old)) {
              object.put(name, kind + now + text.substring(kind.length() + old.length()));
            }
          }
        } else if (child.isTextual() && name.equals("work_dir")) {
          String text = child.asText();
          if (text.equals(old.substring(0, old.length() - 1))) {
            object.put(name, now.substring(0, now.length() - 1));
          } else if (text.startsWith(old)) {
            object.put(name, now + text.substring(old.length()));
          }
        } else {
          walk(child, old, now);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(e -> walk(e, old, now));
    }
  }
}
