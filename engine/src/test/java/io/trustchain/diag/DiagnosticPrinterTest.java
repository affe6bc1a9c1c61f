package io.trustchain.diag;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.playbook.PlaybookLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden output, colours off: the whole text is compared. */
class DiagnosticPrinterTest {

  static final Path DOCUMENTS = Path.of("src/test/resources/documents");

  @TempDir Path dir;

  private static String print(Diagnostics diagnostics, boolean color) {
    StringWriter out = new StringWriter();
    new DiagnosticPrinter(color).print(diagnostics, new PrintWriter(out));
    return out.toString();
  }

  private static String golden(String name) throws Exception {
    return Files.readString(DOCUMENTS.resolve("golden").resolve(name), StandardCharsets.UTF_8);
  }

  private static Diagnostics loaded(String fixture) {
    Diagnostics diagnostics = new Diagnostics();
    new PlaybookLoader(io.trustchain.playbook.TestRegistry.registry(), null)
        .load(DOCUMENTS.resolve("errors").resolve(fixture), diagnostics);
    return diagnostics;
  }

  @Test
  void print_fiveErrors_matchesTheGoldenText() throws Exception {
    assertThat(print(loaded("five_errors.yml"), false)).isEqualTo(golden("five_errors.txt"));
  }

  @Test
  void print_passwordLines_showNoSnippetAndNoValue() throws Exception {
    String printed = print(loaded("plain_password.yml"), false);

    assertThat(printed).isEqualTo(golden("plain_password.txt"));
    assertThat(printed).doesNotContain("hunter2");
  }

  @Test
  void print_warningsAndPositionlessErrors_andTheSummaryCountsEach() {
    Diagnostics diagnostics = new Diagnostics()
        .error(null, "playbook site.yml does not exist", "check the path")
        .warning(SourceRange.of(Path.of("/nonexistent/site.yml"), 3, 3), "play declares no resources");

    assertThat(print(diagnostics, false)).isEqualTo("""
        error: playbook site.yml does not exist
           hint: check the path
        /nonexistent/site.yml:3:3: warning: play declares no resources
        1 error, 1 warning
        """);
  }

  @Test
  void print_caretKeepsTabsAndStaysOnTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("t.yml"), "a:\n\tb: 1\nshort\n");
    Diagnostics diagnostics = new Diagnostics()
        .error(SourceRange.of(file, 2, 2), "tabbed")
        .error(SourceRange.of(file, 3, 40), "past the end");

    assertThat(print(diagnostics, false)).isEqualTo(file + ":2:2: error: tabbed\n"
        + "    2 | \tb: 1\n"
        + "      | \t^\n"
        + file + ":3:40: error: past the end\n"
        + "    3 | short\n"
        + "      |      ^\n"
        + "2 errors, 0 warnings\n");
  }

  @Test
  void print_withColours_wrapsPartsInAnsiCodes_withoutThemNone() {
    Diagnostics diagnostics = new Diagnostics().error(null, "boom", "fix it");

    assertThat(print(diagnostics, true)).contains("\u001b[1;31merror:\u001b[0m").contains("\u001b[36mhint:\u001b[0m");
    assertThat(print(diagnostics, false)).doesNotContain("\u001b");
  }

  @Test
  void summary_pluralises() {
    assertThat(DiagnosticPrinter.summary(new Diagnostics())).isEqualTo("0 errors, 0 warnings");
    assertThat(DiagnosticPrinter.summary(new Diagnostics().error(null, "a").error(null, "b")))
        .isEqualTo("2 errors, 0 warnings");
  }

}
