package io.trustchain.yaml;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reports every mapping key written twice in a document. snakeyaml-engine's composer keeps
 * duplicates (only its constructor rejects them), so node readers call this once per document.
 */
public final class DuplicateKeys {

  private DuplicateKeys() {}

  public static void check(Path file, Node root, Diagnostics diagnostics) {
    walk(file, root, diagnostics, new IdentityHashMap<>());
  }

  private static void walk(Path file, Node node, Diagnostics diagnostics, Map<Node, Boolean> seen) {
    if (seen.put(node, Boolean.TRUE) != null) {
      return; // an alias of a node already checked
    }
    switch (node) {
      case MappingNode map -> {
        Map<String, SourceRange> first = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode key) {
            SourceRange at = YamlSource.start(file, key);
            SourceRange previous = first.putIfAbsent(key.getValue(), at);
            if (previous != null) {
              var d = io.trustchain.diag.Diagnostic.error(at, "duplicate key \"" + key.getValue() + "\" (first at "
                  + previous + ")", "remove one of them; YAML keeps only one value per key");
              diagnostics.add(YamlTypes.looksSensitive(key.getValue()) ? d.withoutSnippet() : d);
            }
          }
          walk(file, t.getValueNode(), diagnostics, seen);
        }
      }
      case SequenceNode seq -> seq.getValue().forEach(item -> walk(file, item, diagnostics, seen));
      default -> { }
    }
  }
}
