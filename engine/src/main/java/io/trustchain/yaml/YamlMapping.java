package io.trustchain.yaml;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read key by key, for document readers. Every problem becomes a diagnostic at the
 * right place and reading goes on: an unknown key is reported at the key (with "did you mean"), a
 * value of the wrong type at the value, a missing required key at the mapping's start. Getters
 * return empty when the key is absent or its value is wrong (already reported).
 */
public final class YamlMapping {

  private final MappingNode node;
  private final Path file;
  private final Diagnostics diagnostics;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final java.util.Set<String> suggested = new java.util.HashSet<>();

  private YamlMapping(MappingNode node, Path file, Diagnostics diagnostics) {
    this.node = node;
    this.file = file;
    this.diagnostics = diagnostics;
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || isSpecialTag(key)) {
        diagnostics.error(YamlSource.start(file, t.getKeyNode()), "a key must be a plain string, got "
            + YamlTypes.describe(t.getKeyNode()));
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), t);
      if (first != null) {
        Diagnostic d = Diagnostic.error(YamlSource.start(file, key), "duplicate key \"" + key.getValue()
            + "\" (first at " + YamlSource.start(file, first.getKeyNode()) + ")",
            "remove one of them; YAML keeps only one value per key");
        diagnostics.add(YamlTypes.looksSensitive(key.getValue()) ? d.withoutSnippet() : d);
      }
    }
  }

  /**
   * {@code node} as a mapping; otherwise an error at it ({@code expected a mapping (what), got a
   * list}) and empty.
   *
   * @param what what the mapping is, for the message, e.g. {@code "a play"}
   */
  public static Optional<YamlMapping> of(Node node, Path file, Diagnostics diagnostics, String what) {
    Objects.requireNonNull(node, "node == null");
    if (node instanceof MappingNode m) {
      return Optional.of(new YamlMapping(m, file, diagnostics));
    }
    diagnostics.error(YamlSource.start(file, node), "expected " + what + " (a mapping), got " + YamlTypes.describe(node));
    return Optional.empty();
  }

  public MappingNode node() {
    return node;
  }

  public Path file() {
    return file;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Where the mapping starts (where missing keys are reported). */
  public SourceRange start() {
    return YamlSource.start(file, node);
  }

  /** The keys in document order (first occurrence of each). */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Optional<Node> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  /** Where {@code key} is written; the mapping's start when it is absent. */
  public SourceRange keyAt(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? start() : YamlSource.start(file, t.getKeyNode());
  }

  /** Where the value of {@code key} starts; the mapping's start when it is absent. */
  public SourceRange valueAt(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? start() : YamlSource.start(file, t.getValueNode());
  }

  /**
   * Reports each absent key as {@code missing required key "k"} at the mapping's start, unless an
   * unknown key was already reported as its misspelling (one typo, one error).
   */
  public boolean require(String... keys) {
    boolean all = true;
    for (String key : keys) {
      if (!entries.containsKey(key) || YamlTypes.isNull(entries.get(key).getValueNode())) {
        if (!suggested.contains(key)) {
          diagnostics.error(start(), "missing required key \"" + key + "\"");
        }
        all = false;
      }
    }
    return all;
  }

  /**
   * Reports each key not in {@code known} at the key, with a "did you mean" among {@code known}.
   * Call it before {@link #require}.
   *
   * @param noun how to call a key in the message, e.g. {@code "play key"} gives {@code unknown play key "hots"}
   * @return the unknown keys
   */
  public List<String> rejectUnknownKeys(Collection<String> known, String noun) {
    List<String> unknown = new ArrayList<>();
    for (String key : entries.keySet()) {
      if (!known.contains(key)) {
        unknown.add(key);
        DidYouMean.closest(key, known).ifPresent(suggested::add);
        String hint = DidYouMean.hint(key, known);
        Diagnostic d = Diagnostic.error(keyAt(key), "unknown " + noun + " \"" + key + "\"",
            hint != null ? hint : "known: " + String.join(", ", known.stream().sorted().toList()));
        boolean sensitive = YamlTypes.looksSensitive(key)
            || DidYouMean.closest(key, known).map(YamlTypes::looksSensitive).orElse(false);
        diagnostics.add(sensitive ? d.withoutSnippet() : d);
      }
    }
    return unknown;
  }

  /** A string value (numbers are taken as their text); an error for anything else. */
  public Optional<String> string(String key) {
    return get(key).flatMap(v -> asString(v, "a string"));
  }

  /** A boolean: YAML's true/false or Ansible's yes/no/on/off. */
  public Optional<Boolean> bool(String key) {
    return get(key).flatMap(v -> {
      Object value = v instanceof ScalarNode s && !isSpecialTag(s) ? YamlValues.scalar(s) : null;
      Optional<Boolean> b = value == null ? Optional.empty() : YamlTypes.toBoolean(value);
      if (b.isEmpty()) {
        diagnostics.error(YamlSource.start(file, v), "expected true or false, got " + YamlTypes.describe(v));
      }
      return b;
    });
  }

  /** A whole number. */
  public Optional<Long> integer(String key) {
    return get(key).flatMap(v -> {
      if (v instanceof ScalarNode s && !isSpecialTag(s) && YamlValues.scalar(s) instanceof Long n) {
        return Optional.of(n);
      }
      diagnostics.error(YamlSource.start(file, v), "expected a whole number, got " + YamlTypes.describe(v));
      return Optional.empty();
    });
  }

  /** A nested mapping. */
  public Optional<YamlMapping> mapping(String key) {
    return get(key).flatMap(v -> {
      if (v instanceof MappingNode) {
        return of(v, file, diagnostics, "a mapping");
      }
      diagnostics.error(YamlSource.start(file, v), "expected a mapping, got " + YamlTypes.describe(v));
      return Optional.empty();
    });
  }

  /** A list's items. */
  public Optional<List<Node>> list(String key) {
    return get(key).flatMap(v -> {
      if (v instanceof SequenceNode seq) {
        return Optional.of(seq.getValue());
      }
      diagnostics.error(YamlSource.start(file, v), "expected a list, got " + YamlTypes.describe(v));
      return Optional.empty();
    });
  }

  /** A list of strings; each bad item is reported at the item. */
  public Optional<List<String>> strings(String key) {
    return get(key).flatMap(v -> {
      if (!(v instanceof SequenceNode seq)) {
        diagnostics.error(YamlSource.start(file, v), "expected a list of strings, got " + YamlTypes.describe(v));
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      boolean ok = true;
      for (Node item : seq.getValue()) {
        Optional<String> s = asString(item, "a string");
        s.ifPresent(out::add);
        ok &= s.isPresent();
      }
      return ok ? Optional.of(out) : Optional.empty();
    });
  }

  private Optional<String> asString(Node v, String expected) {
    if (v instanceof ScalarNode s && !isSpecialTag(s)) {
      Tag tag = s.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        return Optional.of(s.getValue());
      }
    }
    diagnostics.error(YamlSource.start(file, v), "expected " + expected + ", got " + YamlTypes.describe(v));
    return Optional.empty();
  }

  private static boolean isSpecialTag(Node n) {
    String tag = n.getTag().getValue();
    return YamlValues.SECRET_TAG.equals(tag) || YamlValues.VAULT_TAG.equals(tag);
  }

  @Override
  public String toString() {
    return "YamlMapping" + entries.keySet() + " at " + start();
  }
}
