package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One broken inventory per failure mode under {@code broken/CASE/} (an {@code inventory*} file or
 * directory) with {@code expected.txt}: every diagnostic as {@code FILE:LINE:COL: SEVERITY: MESSAGE}
 * (FILE relative to the case), each hint on the next line as {@code   hint: …}. The inventory loads
 * exactly when no error is expected.
 */
class LoaderDiagnosticsTest {

  @TestFactory
  Stream<DynamicTest> everyProblemIsReportedWithItsPosition() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> cases = Files.list(Fixtures.path("broken"))) {
      for (Path dir : cases.sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), dir.resolve("expected.txt").toUri(),
            () -> check(dir)));
      }
    }
    return tests.stream();
  }

  private static void check(Path dir) throws IOException {
    Path inventory;
    try (Stream<Path> files = Files.list(dir)) {
      inventory = files.filter(p -> p.getFileName().toString().startsWith("inventory")).findFirst().orElseThrow();
    }
    Diagnostics diagnostics = new Diagnostics();
    Optional<Inventory> loaded = new InventoryLoader(Fixtures.keyring()).load(inventory, diagnostics);
    String actual = render(dir, diagnostics);
    String expected = Files.readString(dir.resolve("expected.txt")).strip();
    assertThat(actual).isEqualTo(expected);
    assertThat(loaded.isPresent()).as("loads").isEqualTo(!diagnostics.hasErrors());
  }

  static String render(Path base, Diagnostics diagnostics) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : diagnostics.all()) {
      String where = d.at().map(r -> base.relativize(r.file().toAbsolutePath()) + ":" + r.line() + ":" + r.column())
          .orElse("-");
      lines.add(where + ": " + d.severity().label() + ": " + d.message());
      d.hint().ifPresent(h -> lines.add("  hint: " + h));
    }
    return String.join("\n", lines);
  }
}
