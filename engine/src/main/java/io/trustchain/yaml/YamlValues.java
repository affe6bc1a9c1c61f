package io.trustchain.yaml;

import io.trustchain.diag.Diagnostics;
import io.trustchain.secret.SecretRef;
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
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a node tree into plain values (String, Boolean, Long, Double, null, List, Map with String
 * keys) and secret references:
 *
 * <ul>
 *   <li>{@code !secret env:NAME}, {@code !secret file:PATH} (relative to the document's folder),
 *       {@code !secret command:CMD} (run in the document's folder) → {@link SecretRef}
 *   <li>{@code !vault |} followed by an Ansible Vault envelope → {@link SecretRef.Vault}
 * </ul>
 *
 * Scalars are typed by the tags the composer resolved with the YAML 1.2 core schema (quoted
 * scalars stay strings).
 */
public final class YamlValues {

  public static final String SECRET_TAG = "!secret";
  public static final String VAULT_TAG = "!vault";

  private YamlValues() {}

  public static Object toValue(Node node, Path file, Diagnostics diagnostics) {
    String tag = node.getTag().getValue();
    if (SECRET_TAG.equals(tag) || VAULT_TAG.equals(tag)) {
      return secret(node, file, diagnostics);
    }
    return switch (node) {
      case ScalarNode s -> scalar(s);
      case SequenceNode seq -> {
        List<Object> list = new ArrayList<>();
        for (Node item : seq.getValue()) {
          list.add(toValue(item, file, diagnostics));
        }
        yield list;
      }
      case MappingNode map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode key)) {
            diagnostics.error(YamlSource.start(file, t.getKeyNode()), "mapping keys must be plain strings");
            continue;
          }
          out.put(key.getValue(), toValue(t.getValueNode(), file, diagnostics));
        }
        yield out;
      }
      default -> {
        diagnostics.error(YamlSource.start(file, node), "unsupported YAML node");
        yield null;
      }
    };
  }

  /** A scalar typed by its explicit or implicit core-schema tag. */
  public static Object scalar(ScalarNode s) {
    String text = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
    }
    if (tag.equals(Tag.INT)) {
      try {
        if (text.startsWith("0x")) {
          return Long.parseLong(text.substring(2), 16);
        }
        if (text.startsWith("0o")) {
          return Long.parseLong(text.substring(2), 8);
        }
        return Long.parseLong(text.replace("+", ""));
      } catch (NumberFormatException e) {
        return text;
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return text;
      }
    }
    return text;
  }

  /** The reference a {@code !secret}/{@code !vault} scalar stands for, or null with a diagnostic. */
  public static SecretRef secret(Node node, Path file, Diagnostics diagnostics) {
    String tag = node.getTag().getValue();
    if (!(node instanceof ScalarNode s)) {
      diagnostics.error(YamlSource.start(file, node), tag + " must be a single value",
          "write " + tag + " env:NAME, file:PATH or command:CMD");
      return null;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (VAULT_TAG.equals(tag)) {
      String envelope = s.getValue().strip();
      if (!envelope.startsWith("$ANSIBLE_VAULT;")) {
        diagnostics.add(io.trustchain.diag.Diagnostic.error(YamlSource.start(file, node),
            "!vault value is not an Ansible Vault envelope (it must start with $ANSIBLE_VAULT;)",
            "paste the output of ansible-vault encrypt_string").withoutSnippet());
        return null;
      }
      String origin = YamlSource.start(file, node).toString();
      try {
        io.trustchain.secret.AnsibleVault.checkEnvelope(envelope, origin);
      } catch (io.trustchain.secret.SecretException e) {
        diagnostics.add(io.trustchain.diag.Diagnostic.error(YamlSource.start(file, node), e.getMessage(),
            "paste the whole output of ansible-vault encrypt_string").withoutSnippet());
        return null;
      }
      return new SecretRef.Vault(envelope, origin);
    }
    String text = s.getValue().strip();
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String rest = colon < 0 ? "" : text.substring(colon + 1).strip();
    if (rest.isEmpty() && !kind.isEmpty()) {
      diagnostics.error(YamlSource.start(file, node), "!secret " + kind + ": needs a value after the colon");
      return null;
    }
    return switch (kind) {
      case "env" -> new SecretRef.Env(rest);
      case "file" -> new SecretRef.File(dir.resolve(expandHome(rest)).normalize());
      case "command" -> new SecretRef.Command(rest, dir);
      default -> {
        diagnostics.add(io.trustchain.diag.Diagnostic.error(YamlSource.start(file, node),
            "unknown secret source \"" + (kind.isEmpty() ? text : kind) + "\"",
            "write !secret env:NAME, !secret file:PATH or !secret command:CMD").withoutSnippet());
        yield null;
      }
    };
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
  }
}
