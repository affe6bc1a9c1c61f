package io.trustchain.playbook;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.template.Templater;
import io.trustchain.yaml.YamlSource;
import io.trustchain.yaml.YamlTypes;
import io.trustchain.yaml.YamlValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads a parameter node tree into a {@link Param} tree; {@code !secret}/{@code !vault} become references. */
final class ParamReader {

  private ParamReader() {}

  static Param read(Node node, Path file, Diagnostics diagnostics) {
    SourceRange at = YamlSource.start(file, node);
    String tag = node.getTag().getValue();
    if (YamlValues.SECRET_TAG.equals(tag) || YamlValues.VAULT_TAG.equals(tag)) {
      SecretRef ref = YamlValues.secret(node, file, diagnostics);
      return ref == null ? new Param.Invalid(at) : new Param.Scalar(ref, tag, at);
    }
    return switch (node) {
      case ScalarNode s -> {
        Object value = YamlValues.scalar(s);
        yield value instanceof String text && Templater.isTemplated(text)
            ? new Param.Template(text, at)
            : new Param.Scalar(value, s.getValue(), at);
      }
      case SequenceNode seq -> {
        List<Param> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(read(item, file, diagnostics));
        }
        yield new Param.Seq(items, at);
      }
      case MappingNode map -> {
        Map<String, Param> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keys = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode key)) {
            diagnostics.error(YamlSource.start(file, t.getKeyNode()),
                "a parameter name must be a plain string, got " + YamlTypes.describe(t.getKeyNode()));
            continue;
          }
          if (!entries.containsKey(key.getValue())) { // duplicates are reported by DuplicateKeys
            entries.put(key.getValue(), read(t.getValueNode(), file, diagnostics));
            keys.put(key.getValue(), YamlSource.start(file, key));
          }
        }
        yield new Param.Mapping(entries, keys, at);
      }
      default -> {
        diagnostics.error(at, "unsupported YAML node " + YamlTypes.describe(node));
        yield new Param.Invalid(at);
      }
    };
  }
}
