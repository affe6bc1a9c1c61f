package io.trustchain.yaml;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The words of type errors ({@code expected true or false, got "yes please"}) and the lenient
 * conversions Ansible users rely on (Ansible's booleans {@code yes}/{@code no}/{@code on}/{@code off}
 * are strings in YAML 1.2 but booleans to Ansible modules).
 */
public final class YamlTypes {

  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y", "1", "t");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "n", "0", "f");

  private YamlTypes() {}

  /** A value as a user would recognise it in an error: {@code "text"}, {@code 42}, {@code a list}. */
  public static String describe(Object value) {
    return switch (value) {
      case null -> "nothing (null)";
      case String s -> "\"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
      case Boolean b -> b.toString();
      case Number n -> n.toString();
      case Map<?, ?> m -> "a mapping";
      case Collection<?> c -> "a list";
      case io.trustchain.secret.SecretRef r -> "a secret";
      default -> value.getClass().getSimpleName();
    };
  }

  /** A node as a user would recognise it in an error. */
  public static String describe(Node node) {
    String tag = node.getTag().getValue();
    if (YamlValues.SECRET_TAG.equals(tag) || YamlValues.VAULT_TAG.equals(tag)) {
      return "a secret";
    }
    return switch (node) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a list";
      case ScalarNode s -> describe(YamlValues.scalar(s));
      default -> "a YAML " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Ansible's boolean words and YAML booleans; empty for anything else. */
  public static Optional<Boolean> toBoolean(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return Optional.of(n.doubleValue() == 1);
    }
    if (value instanceof String s) {
      String w = s.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(w)) {
        return Optional.of(true);
      }
      if (FALSE.contains(w)) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  /** Whether a scalar node is YAML null ({@code ~}, {@code null} or nothing). */
  public static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /** Whether a key name suggests its value is a secret, so that its line is not printed. */
  public static boolean looksSensitive(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("pass") || k.contains("secret") || k.contains("pwd");
  }
}
