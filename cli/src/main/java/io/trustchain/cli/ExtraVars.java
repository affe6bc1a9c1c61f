package io.trustchain.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code -e/--extra-vars}, as Ansible reads them: {@code key=value …} (values are strings),
 * inline YAML or JSON ({@code '{"a": 1}'}), or {@code @FILE} (a YAML or JSON mapping). Later
 * {@code -e} win over earlier ones; all of them win over every other variable.
 */
final class ExtraVars {

  private ExtraVars() {}

  static Map<String, Object> parse(List<String> values, Path cwd) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String value : values) {
      vars.putAll(one(value.strip(), cwd));
    }
    return vars;
  }

  private static Map<String, Object> one(String value, Path cwd) {
    if (value.startsWith("@")) {
      Path file = cwd.resolve(value.substring(1));
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw UserException.usage("-e " + value + ": cannot read " + file + " (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
      }
      return mapping(text, file.toString(), "-e " + value);
    }
    if (value.startsWith("{") || value.startsWith("---")) {
      return mapping(value, "-e", "-e " + value);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String pair : words(value)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw UserException.usage("-e " + value + ": expected key=value (or YAML/JSON, or @FILE), got \"" + pair + "\"");
      }
      vars.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return vars;
  }

  private static Map<String, Object> mapping(String text, String label, String shown) {
    Object loaded;
    try {
      loaded = new Load(LoadSettings.builder().setLabel(label).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw UserException.usage(shown + ": not valid YAML/JSON: " + e.getMessage().replace('\n', ' '));
    }
    if (!(loaded instanceof Map<?, ?> m)) {
      throw UserException.usage(shown + ": extra vars must be a mapping of names to values");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    m.forEach((k, v) -> vars.put(String.valueOf(k), plain(v)));
    return vars;
  }

  /** Numbers as Long/Double, as the inventory's values are. */
  private static Object plain(Object v) {
    return switch (v) {
      case Integer i -> i.longValue();
      case java.math.BigInteger b -> b.longValue();
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
        yield out;
      }
      case List<?> l -> l.stream().map(ExtraVars::plain).toList();
      case null, default -> v;
    };
  }

  /** Splits on blanks outside quotes; quotes are removed (Python's shlex, as Ansible uses). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          w.append(text.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        w.append(text.charAt(++i));
      } else {
        w.append(c);
      }
    }
    if (quote != 0) {
      throw UserException.usage("-e " + text + ": unbalanced quote");
    }
    if (any || w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }
}
