package io.trustchain.yaml;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DocumentText;
import io.trustchain.diag.SourceRange;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
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
        .setCodePointLimit(DocumentText.MAX_BYTES)
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
    Optional<String> text;
    try {
      text = DocumentText.read(file, diagnostics).flatMap(bytes -> DocumentText.decode(file, bytes, diagnostics));
    } catch (NoSuchFileException e) {
      diagnostics.error(null, "file not found: " + file, "check the path");
      return List.of();
    } catch (IOException e) {
      diagnostics.error(null, "cannot read " + file + ": " + e.getMessage());
      return List.of();
    }
    return text.map(t -> parse(file, t, diagnostics)).orElse(List.of());
  }

  /** Parses {@code text} as if read from {@code file}. */
  public static List<Node> parse(Path file, String text, Diagnostics diagnostics) {
    List<Node> docs = new ArrayList<>();
    int control = firstControl(text);
    if (control >= 0) {
      diagnostics.error(position(file, text, text.codePointCount(0, control)), String.format(
          "invalid YAML: the control character U+%04X is not allowed in a document", (int) text.charAt(control)),
          "remove it: documents hold printable text (tabs and line breaks excepted)");
      return List.of();
    }
    LoadSettings settings = settings(file);
    try {
      Composer composer = new Composer(settings, new YamlLimits(new ParserImpl(settings,
          new StreamReader(settings, text))));
      composer.forEachRemaining(docs::add);
    } catch (YamlLimits.Exceeded e) {
      diagnostics.add(Diagnostic.error(e.mark.map(m -> SourceRange.of(file, m)).orElse(SourceRange.of(file, 1, 1)),
          e.getMessage(), e.hint));
      return List.of();
    } catch (MarkedYamlEngineException e) {
      SourceRange at = e.getProblemMark().map(m -> SourceRange.of(file, m))
          .or(() -> e.getContextMark().map(m -> SourceRange.of(file, m)))
          .orElse(null);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      diagnostics.error(at, "invalid YAML: " + problem + context, "fix the YAML syntax at this position");
      return List.of();
    } catch (ReaderException e) {
      diagnostics.error(position(file, text, e.getPosition()), String.format(
          "invalid YAML: the character U+%04X is not allowed in a document", e.getCodePoint()),
          "remove it: documents hold printable text (tabs and line feeds excepted)");
      return List.of();
    } catch (YamlEngineException e) {
      diagnostics.error(null, file + ": invalid YAML: " + e.getMessage());
      return List.of();
    }
    return docs;
  }

  /** The index of the first control character YAML does not allow in a stream (C0 but tab, LF, CR; DEL; C1 but NEL), or -1. */
  static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c <= 0x9f && c != 0x85)) {
        return i;
      }
    }
    return -1;
  }

  /** The line and column of the {@code index}-th code point of {@code text}. */
  static SourceRange position(Path file, String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; i = text.offsetByCodePoints(i, 1), seen++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return SourceRange.of(file, line, column);
  }

  /** Where a node starts. */
  public static SourceRange start(Path file, Node node) {
    return node.getStartMark().map(m -> SourceRange.of(file, m)).orElse(SourceRange.of(file, 1, 1));
  }
}
