package io.trustchain.diag;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints diagnostics GNU-style, sorted by file and line, with the offending line and a caret, then a
 * summary:
 *
 * <pre>
 * playbooks/site.yml:14:9: error: unknown parameter "enabeld" for module filevault
 *    14 |         enabeld: true
 *       |         ^
 *    hint: did you mean "enabled"?
 * 1 error, 0 warnings
 * </pre>
 *
 * A diagnostic whose line may hold a secret prints its position only. Colours (ANSI) are off unless
 * asked for.
 */
public final class DiagnosticPrinter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";

  /** The widest snippet printed; longer lines are cut around the caret. */
  private static final int MAX_SNIPPET = 160;

  private final boolean color;
  private final Map<Path, List<String>> lines = new ConcurrentHashMap<>();

  /** A printer without colours. */
  public DiagnosticPrinter() {
    this(false);
  }

  public DiagnosticPrinter(boolean color) {
    this.color = color;
  }

  /** Every diagnostic, then {@code N errors, M warnings}. */
  public void print(Diagnostics diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics.all()) {
      print(d, out);
    }
    out.println(summary(diagnostics));
    out.flush();
  }

  /** One diagnostic: the GNU line, the snippet and caret (unless hidden), the hint. */
  public void print(Diagnostic d, PrintWriter out) {
    String where = d.at().map(r -> r + ": ").orElse("");
    String label = d.severity().label() + ":";
    out.println(paint(BOLD, visible(where)) + paint(d.isError() ? RED : YELLOW, label) + " "
        + paint(BOLD, visible(d.message())));
    d.at().filter(r -> d.showSnippet()).ifPresent(r -> snippet(r, out));
    d.hint().ifPresent(h -> out.println("   " + paint(CYAN, "hint:") + " " + visible(h)));
  }

  /** {@code 2 errors, 1 warning}. */
  public static String summary(Diagnostics diagnostics) {
    int errors = diagnostics.errorCount();
    int warnings = diagnostics.warningCount();
    return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
  }

  private void snippet(SourceRange r, PrintWriter out) {
    List<String> text = lines.computeIfAbsent(r.file(), DiagnosticPrinter::read);
    if (r.line() > text.size()) {
      return;
    }
    String line = text.get(r.line() - 1);
    int caret = Math.min(r.column() - 1, line.length());
    if (line.length() > MAX_SNIPPET) {
      int from = Math.max(0, Math.min(caret - MAX_SNIPPET / 3, line.length() - MAX_SNIPPET));
      String cut = line.substring(from, Math.min(line.length(), from + MAX_SNIPPET));
      line = (from > 0 ? "…" : "") + cut + (from + MAX_SNIPPET < line.length() ? "…" : "");
      caret = caret - from + (from > 0 ? 1 : 0);
    }
    line = visible(line);
    String number = String.format("%5d", r.line());
    out.println(paint(DIM, number + " |") + " " + line);
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < caret && i < line.length(); i++) {
      pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    out.println(paint(DIM, " ".repeat(number.length()) + " |") + " " + pad + paint(GREEN, "^"));
  }

  private String paint(String code, String text) {
    return color && !text.isEmpty() ? code + text + RESET : text;
  }

  private static List<String> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > DocumentText.MAX_BYTES) {
        return List.of();
      }
      return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r\n|\r|\n", -1));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * {@code text} safe for a terminal: every control character but tab and line feed becomes {@code ?} (one column,
   * so the caret still lines up), so a document cannot send escape sequences through a message.
   */
  static String visible(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
        if (b == null) {
          b = new StringBuilder(text.length()).append(text, 0, i);
        }
        b.append('?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }
}
