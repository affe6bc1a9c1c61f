package io.trustchain.inventory;

import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.inventory.InventoryGraph.GroupNode;
import io.trustchain.inventory.InventoryGraph.HostNode;
import io.trustchain.yaml.YamlSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML inventory into the graph as Ansible's {@code yaml} plugin does: top-level groups
 * (usually {@code all:}), each a mapping of {@code hosts:} (host → variables or nothing),
 * {@code children:} (group → the same shape) and {@code vars:}. Where Ansible only warns and skips
 * (an unknown key, a group that is not a mapping), this reports an error with its position.
 */
final class YamlInventoryParser {

  private static final List<String> GROUP_KEYS = List.of("vars", "children", "hosts");

  private final InventoryGraph graph;
  private final Path file;
  private final Diagnostics diagnostics;
  private final InventoryValues values;

  private YamlInventoryParser(InventoryGraph graph, Path file, Diagnostics diagnostics, InventoryValues values) {
    this.graph = graph;
    this.file = file;
    this.diagnostics = diagnostics;
    this.values = values;
  }

  /** Reads {@code root} (a mapping of group names) into {@code graph}. */
  static void parse(InventoryGraph graph, Path file, MappingNode root, Diagnostics diagnostics,
      InventoryValues values) {
    YamlInventoryParser parser = new YamlInventoryParser(graph, file, diagnostics, values);
    for (NodeTuple t : root.getValue()) {
      String name = parser.groupName(t.getKeyNode());
      if (name != null) {
        parser.group(name, t.getValueNode(), parser.at(t.getKeyNode()));
      }
    }
  }

  private SourceRange at(Node node) {
    return YamlSource.start(file, node);
  }

  private GroupNode group(String name, Node data, SourceRange at) {
    GroupNode group = graph.group(name, at);
    if (isNull(data)) {
      return group;
    }
    if (!(data instanceof MappingNode map)) {
      diagnostics.error(at(data), "group \"" + name + "\" must be a mapping with hosts, children or vars, found "
          + kind(data), "write the group as \"" + name + ":\" followed by indented hosts:, children: or vars:");
      return group;
    }
    for (NodeTuple t : map.getValue()) {
      Node keyNode = t.getKeyNode();
      String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
      if (key == null || !GROUP_KEYS.contains(key)) {
        String word = key == null ? "?" : key;
        String hint = DidYouMean.hint(word, GROUP_KEYS);
        diagnostics.error(at(keyNode), "unknown key \"" + word + "\" in group \"" + name + "\"",
            hint != null ? hint : "a group holds only hosts:, children: and vars:");
        continue;
      }
      section(group, key, t.getValueNode());
    }
    return group;
  }

  private void section(GroupNode group, String key, Node value) {
    if (isNull(value)) {
      return;
    }
    if (value instanceof ScalarNode s && values.scalar(s) instanceof String text) {
      // Ansible reads "hosts: mac01" as "hosts: {mac01: }" (and the same for children and vars).
      entry(group, key, text, null, at(s));
      return;
    }
    if (!(value instanceof MappingNode map)) {
      diagnostics.error(at(value), "\"" + key + "\" of group \"" + group.name + "\" must be a mapping, found "
          + kind(value), example(key));
      return;
    }
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      String name = key.equals("vars") ? varName(k) : key.equals("children") ? groupName(k) : hostPattern(k);
      if (name != null) {
        entry(group, key, name, t.getValueNode(), at(k));
      }
    }
  }

  private void entry(GroupNode group, String section, String name, Node value, SourceRange at) {
    switch (section) {
      case "vars" -> graph.setGroupVar(group, name, value == null ? null : values.value(value),
          value == null ? at : YamlSource.start(file, value), diagnostics);
      case "children" -> {
        if (name.equals(InventoryGraph.ALL)) {
          diagnostics.error(at, "group \"all\" holds every group; it cannot be a child of \"" + group.name + "\"",
              "remove \"all\" from the children of \"" + group.name + "\"");
          return;
        }
        GroupNode child = value == null ? graph.group(name, at) : group(name, value, at);
        graph.addChild(group, child, at, diagnostics);
      }
      default -> hosts(group, name, value, at);
    }
  }

  private void hosts(GroupNode group, String pattern, Node value, SourceRange at) {
    Map<String, Object> vars = Map.of();
    Map<String, SourceRange> positions = Map.of();
    if (value != null && !isNull(value)) {
      if (!(value instanceof MappingNode map)) {
        diagnostics.error(at(value), "variables of host \"" + pattern + "\" must be a mapping, found " + kind(value),
            "write \"" + pattern + ":\" followed by indented name: value pairs, or nothing");
        return;
      }
      vars = values.mapping(map);
      positions = values.positions(map);
    }
    java.util.Optional<String> badName = HostNames.problem(pattern);
    if (badName.isPresent()) {
      diagnostics.error(at, badName.get(), HostNames.HINT);
      return;
    }
    HostRanges.Expansion expansion;
    try {
      expansion = HostRanges.expand(pattern);
    } catch (IllegalArgumentException e) {
      diagnostics.error(at, e.getMessage(), "write ranges as name[01:10] or name[a:f], optionally with a :step");
      return;
    }
    for (String name : expansion.names()) {
      HostNode host = graph.host(name, file, at, expansion.port());
      graph.addHost(group, host);
      host.vars.putAll(vars);
      for (String key : vars.keySet()) {
        SourceRange where = positions.get(key);
        if (where != null) {
          host.varsAt.put(key, where);
        }
      }
    }
  }

  /** A group name: a non-empty string (Ansible refuses numbers, booleans and null). */
  private String groupName(Node key) {
    return stringKey(key, "group name");
  }

  private String hostPattern(Node key) {
    return stringKey(key, "host name");
  }

  private String varName(Node key) {
    if (key instanceof ScalarNode s) {
      return s.getValue();
    }
    diagnostics.error(at(key), "variable names must be plain strings");
    return null;
  }

  private String stringKey(Node key, String what) {
    if (!(key instanceof ScalarNode s)) {
      diagnostics.error(at(key), what + " must be a string, found " + kind(key), "write a plain name");
      return null;
    }
    Object typed = values.scalar(s);
    if (typed instanceof String text && !text.isEmpty()) {
      return text;
    }
    if (typed instanceof String) {
      diagnostics.error(at(key), what + " is empty", "write a name");
      return null;
    }
    diagnostics.error(at(key), what + " " + s.getValue() + " is not a string (YAML reads it as "
        + PythonJson.describe(typed) + ")", "quote it: \"" + s.getValue() + "\":");
    return null;
  }

  private boolean isNull(Node node) {
    return node instanceof ScalarNode s && values.scalar(s) == null && !isSecret(s);
  }

  private static boolean isSecret(Node node) {
    String tag = node.getTag().getValue();
    return tag.startsWith("!") && !tag.startsWith("!!");
  }

  private static String kind(Node node) {
    return switch (node) {
      case SequenceNode s -> "a list";
      case MappingNode m -> "a mapping";
      default -> "\"" + ((ScalarNode) node).getValue() + "\"";
    };
  }

  private static String example(String key) {
    return switch (key) {
      case "hosts" -> "write each host as a key: \"hosts:\" then indented \"mac01:\" lines, not a list";
      case "children" -> "write each child group as a key: \"children:\" then indented \"group:\" lines, not a list";
      default -> "write \"vars:\" then indented name: value pairs";
    };
  }
}
