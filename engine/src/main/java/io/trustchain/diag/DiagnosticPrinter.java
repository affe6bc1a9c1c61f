package io.trustchain.diag;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics GNU-style, with the offending line and a caret:
 *
 * <pre>
 * playbooks/site.yml:14:9: error: unknown parameter "enabeld" for module filevault
 *    14 |         enabeld: true
 *       |         ^
 *    hint: did you mean "enabled"?
 * 1 error, 0 warnings
 * </pre>
 */
public final class DiagnosticPrinter {

  private final Map<Path, List<String>> lines = new HashMap<>();

  public void print(Diagnostics diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics.all()) {
      print(d, out);
    }
    int errors = diagnostics.errorCount();
    int warnings = diagnostics.warningCount();
    out.println(errors + (errors == 1 ? " error, " : " errors, ") + warnings
        + (warnings == 1 ? " warning" : " warnings"));
    out.flush();
  }

  public void print(Diagnostic d, PrintWriter out) {
    out.println(d);
    d.at().filter(r -> d.showSnippet()).ifPresent(r -> snippet(r, out));
    d.hint().ifPresent(h -> out.println("   hint: " + h));
  }

  private void snippet(SourceRange r, PrintWriter out) {
    List<String> text = lines.computeIfAbsent(r.file(), DiagnosticPrinter::read);
    if (r.line() > text.size()) {
      return;
    }
    String line = text.get(r.line() - 1);
    String number = String.format("%5d", r.line());
    out.println(number + " | " + line);
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < r.column() - 1 && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    out.println(" ".repeat(number.length()) + " | " + caret + "^");
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
