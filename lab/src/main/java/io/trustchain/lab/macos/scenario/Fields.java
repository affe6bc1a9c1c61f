package io.trustchain.lab.macos.scenario;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.SourceRange;
import io.trustchain.yaml.YamlSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping of a scenario with its allowed keys: unknown keys and wrong types become diagnostics
 * at {@code file:line:col} (with a "did you mean"), and the typed getters return empty after reporting.
 */
final class Fields {

  private final Node node;
  private final Path file;
  private final Diagnostics diagnostics;
  private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

  private Fields(Node node, Path file, Diagnostics diagnostics) {
    this.node = node;
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** The mapping at {@code node}, checked against {@code allowed}; empty (reported) when not a mapping. */
  static Optional<Fields> of(Node node, Path file, Diagnostics diagnostics, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode map)) {
      diagnostics.error(YamlSource.start(file, node), what + " must be a mapping of keys to values");
      return Optional.empty();
    }
    Fields f = new Fields(node, file, diagnostics);
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        diagnostics.error(YamlSource.start(file, t.getKeyNode()), "keys of " + what + " must be plain words");
        continue;
      }
      if (!allowed.contains(key.getValue())) {
        String hint = DidYouMean.hint(key.getValue(), allowed);
        diagnostics.error(YamlSource.start(file, key), "unknown key \"" + key.getValue() + "\" in " + what,
            hint != null ? hint : "known keys: " + String.join(", ", allowed.stream().sorted().toList()));
        continue;
      }
      f.byKey.put(key.getValue(), t);
    }
    return Optional.of(f);
  }

  SourceRange at() {
    return YamlSource.start(file, node);
  }

  SourceRange at(String key) {
    NodeTuple t = byKey.get(key);
    return t == null ? at() : YamlSource.start(file, t.getValueNode());
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(byKey.get(key)).map(NodeTuple::getValueNode);
  }

  /** The scalar's text as written (so {@code 10.10} stays {@code 10.10}). */
  Optional<String> text(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return Optional.of(s.getValue());
    }
    diagnostics.error(at(key), key + " must be a single value");
    return Optional.empty();
  }

  Optional<Boolean> bool(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
    }
    diagnostics.error(at(key), key + " must be true or false");
    return Optional.empty();
  }

  boolean bool(String key, boolean otherwise) {
    return bool(key).orElse(otherwise);
  }

  Optional<Integer> integer(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return Optional.of(Integer.parseInt(s.getValue()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    diagnostics.error(at(key), key + " must be a whole number");
    return Optional.empty();
  }

  Optional<Double> number(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      try {
        return Optional.of(Double.parseDouble(s.getValue()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    diagnostics.error(at(key), key + " must be a number");
    return Optional.empty();
  }

  /** The items of a sequence; empty list (reported) when not a sequence. */
  List<Node> list(String key) {
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return List.of();
    }
    if (n.get() instanceof SequenceNode seq) {
      return new ArrayList<>(seq.getValue());
    }
    diagnostics.error(at(key), key + " must be a list (items starting with \"- \")");
    return List.of();
  }

  /** The texts of a list of scalars (lines); empty (reported) when an item is not a single value. */
  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (Node item : list(key)) {
      if (item instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
        out.add(s.getValue());
      } else {
        diagnostics.error(YamlSource.start(file, item), "each item of " + key + " must be one line of text");
      }
    }
    return out;
  }

  /** The entries of a nested mapping with free-form keys. */
  Map<String, Node> entries(String key) {
    Map<String, Node> out = new LinkedHashMap<>();
    Optional<Node> n = node(key);
    if (n.isEmpty()) {
      return out;
    }
    if (!(n.get() instanceof MappingNode map)) {
      diagnostics.error(at(key), key + " must be a mapping");
      return out;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.put(k.getValue(), t.getValueNode());
      }
    }
    return out;
  }

  void error(String key, String message, String hint) {
    diagnostics.error(at(key), message, hint);
  }

  Path file() {
    return file;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }
}
