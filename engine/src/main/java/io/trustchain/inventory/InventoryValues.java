package io.trustchain.inventory;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.yaml.YamlSource;
import io.trustchain.yaml.YamlValues;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns inventory and vars-file YAML nodes into values the way Ansible reads them: plain scalars
 * are typed by YAML 1.1 rules as PyYAML applies them ({@code yes}/{@code on} are booleans,
 * {@code 010} is octal, {@code 1:20} is 80, {@code 1e3} stays a string), or by JSON's rules when
 * the whole file is JSON (Ansible tries JSON first). Quoted and explicitly tagged scalars, and the
 * {@code !secret}/{@code !vault} tags, go through {@link YamlValues}. Containers come out
 * unmodifiable.
 */
final class InventoryValues {

  private static final Pattern INT = Pattern.compile(
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES = Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

  private final Path file;
  private final Diagnostics diagnostics;
  private final boolean json;
  private final Map<SecretRef.Vault, String> vaultTexts;
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param vaultTexts receives the raw text of every {@code !vault} value (as Ansible shows it)
   */
  InventoryValues(Path file, Diagnostics diagnostics, boolean json, Map<SecretRef.Vault, String> vaultTexts) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.json = json;
    this.vaultTexts = vaultTexts;
  }

  Object value(Node node) {
    String tag = node.getTag().getValue();
    if (YamlValues.SECRET_TAG.equals(tag) || YamlValues.VAULT_TAG.equals(tag)) {
      SecretRef ref = YamlValues.secret(node, file, diagnostics);
      if (ref instanceof SecretRef.Vault vault && node instanceof ScalarNode s) {
        vaultTexts.put(vault, s.getValue());
      }
      return ref;
    }
    if (!inProgress.add(node)) {
      diagnostics.error(YamlSource.start(file, node), "a YAML alias refers to the value that contains it",
          "remove the recursive alias");
      return null;
    }
    try {
      return switch (node) {
        case ScalarNode s -> scalar(s);
        case SequenceNode seq -> {
          List<Object> list = new ArrayList<>();
          seq.getValue().forEach(item -> list.add(value(item)));
          yield Collections.unmodifiableList(list);
        }
        case MappingNode map -> Collections.unmodifiableMap(mapping(map));
        default -> null;
      };
    } finally {
      inProgress.remove(node);
    }
  }

  /** Where each value of {@code map} starts, by its (scalar) key. */
  Map<String, SourceRange> positions(MappingNode map) {
    Map<String, SourceRange> out = new java.util.HashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key) {
        out.put(key.getValue(), YamlSource.start(file, t.getValueNode()));
      }
    }
    return out;
  }

  /** A mapping's entries in document order; non-scalar keys are reported and skipped. */
  Map<String, Object> mapping(MappingNode map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        diagnostics.error(YamlSource.start(file, t.getKeyNode()), "variable names must be plain strings");
        continue;
      }
      out.put(key.getValue(), value(t.getValueNode()));
    }
    return out;
  }

  /** The typed value of a scalar, as Ansible would read it. */
  Object scalar(ScalarNode s) {
    if (!s.isPlain() || !s.isResolved()) {
      return YamlValues.scalar(s);
    }
    String text = s.getValue();
    return json ? jsonScalar(text) : yaml11(text);
  }

  static Object yaml11(String text) {
    if (NULLS.contains(text)) {
      return null;
    }
    if (TRUES.contains(text)) {
      return Boolean.TRUE;
    }
    if (FALSES.contains(text)) {
      return Boolean.FALSE;
    }
    if (INT.matcher(text).matches()) {
      return yaml11Int(text.replace("_", ""));
    }
    if (FLOAT.matcher(text).matches()) {
      return yaml11Float(text.replace("_", "").toLowerCase(java.util.Locale.ROOT));
    }
    return text;
  }

  private static Object yaml11Int(String text) {
    int sign = text.startsWith("-") ? -1 : 1;
    String t = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    BigInteger magnitude;
    if (t.contains(":")) {
      magnitude = BigInteger.ZERO;
      for (String part : t.split(":")) {
        magnitude = magnitude.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
      }
    } else if (t.startsWith("0b")) {
      magnitude = new BigInteger(t.substring(2), 2);
    } else if (t.startsWith("0x")) {
      magnitude = new BigInteger(t.substring(2), 16);
    } else if (t.length() > 1 && t.startsWith("0")) {
      magnitude = new BigInteger(t.substring(1), 8);
    } else {
      magnitude = new BigInteger(t);
    }
    return integer(sign < 0 ? magnitude.negate() : magnitude);
  }

  private static Double yaml11Float(String text) {
    int sign = text.startsWith("-") ? -1 : 1;
    String t = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (t.equals(".inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (t.equals(".nan")) {
      return Double.NaN;
    }
    if (t.contains(":")) {
      double total = 0;
      for (String part : t.split(":")) {
        total = total * 60 + Double.parseDouble(part);
      }
      return sign * total;
    }
    return sign * Double.parseDouble(t.endsWith(".") ? t + "0" : t);
  }

  private static Object jsonScalar(String text) {
    switch (text) {
      case "null", "" -> {
        return null;
      }
      case "true" -> {
        return Boolean.TRUE;
      }
      case "false" -> {
        return Boolean.FALSE;
      }
      default -> {
        var m = JSON_NUMBER.matcher(text);
        if (!m.matches()) {
          return yaml11(text);
        }
        if (m.group(1) == null && m.group(2) == null) {
          return integer(new BigInteger(text));
        }
        return Double.parseDouble(text);
      }
    }
  }

  /** A Long when it fits, else the BigInteger (Python ints are unbounded). */
  static Object integer(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }
}
