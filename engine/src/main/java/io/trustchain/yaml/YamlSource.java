package io.trustchain.yaml;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads human-written YAML into snakeyaml-engine node trees that keep their positions (marks) and
 * their tags ({@code !secret}, {@code !vault}), so every later problem can point at
 * {@code file:line:col}. Syntax errors become one diagnostic each; nothing throws.
 */
public final class YamlSource {

  private YamlSource() {}

  static LoadSettings settings(Path file) {
    return LoadSettings.builder()
        .setLabel(file.toString())
        .setUseMarks(true)
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50)
        .setSchema(new CoreSchema())
        .build();
  }

  /** The single document of {@code file}; empty (with a diagnostic) when unreadable or invalid. */
  public static Optional<Node> load(Path file, Diagnostics diagnostics) {
    List<Node> docs = loadAll(file, diagnostics);
    if (docs.size() > 1) {
      diagnostics.error(start(file, docs.get(1)), "expected one YAML document, found " + docs.size(),
          "split the documents into separate files");
    }
    return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
  }

  /** Every document of {@code file}; an empty list when it has none or cannot be read. */
  public static List<Node> loadAll(Path file, Diagnostics diagnostics) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      diagnostics.error(null, "file not found: " + file, "check the path");
      return List.of();
    } catch (IOException e) {
      diagnostics.error(null, "cannot read " + file + ": " + e.getMessage());
      return List.of();
    }
    return parse(file, text, diagnostics);
  }

  /** Parses {@code text} as if read from {@code file}. */
  public static List<Node> parse(Path file, String text, Diagnostics diagnostics) {
    List<Node> docs = new ArrayList<>();
    try {
      new Compose(settings(file)).composeAllFromString(text).forEach(docs::add);
    } catch (MarkedYamlEngineException e) {
      SourceRange at = e.getProblemMark().map(m -> SourceRange.of(file, m))
          .or(() -> e.getContextMark().map(m -> SourceRange.of(file, m)))
          .orElse(null);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      diagnostics.error(at, "invalid YAML: " + problem + context, "fix the YAML syntax at this position");
      return List.of();
    } catch (YamlEngineException e) {
      diagnostics.error(null, file + ": invalid YAML: " + e.getMessage());
      return List.of();
    }
    return docs;
  }

  /** Where a node starts. */
  public static SourceRange start(Path file, Node node) {
    return node.getStartMark().map(m -> SourceRange.of(file, m)).orElse(SourceRange.of(file, 1, 1));
  }
}
