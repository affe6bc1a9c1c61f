package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.cli.Cli;
import io.trustchain.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every file in playbooks/ and inventory/ loads cleanly (no errors, no warnings). */
class ExamplesTest {

  private static final Path REPO = LabWorkspace.REPO;

  @TestFactory
  Stream<DynamicTest> everyPlaybookValidatesAgainstTheLabInventory() throws IOException {
    return yamlFiles(REPO.resolve("playbooks")).stream().map(p -> DynamicTest.dynamicTest(
        REPO.relativize(p).toString(), p.toUri(), () -> {
          String[] r = run("validate", "-i", "inventory/lab.yml", p.toString());
          assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
          assertThat(r[2]).as("warnings").isEmpty();
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyInventoryLoads() throws IOException {
    return Stream.of(REPO.resolve("inventory").toFile().listFiles()).map(java.io.File::toPath)
        .filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
        .map(p -> DynamicTest.dynamicTest(REPO.relativize(p).toString(), p.toUri(), () -> {
          String[] r = run("inventory", "-i", p.toString(), "--list");
          assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
          assertThat(r[2]).as("warnings").isEmpty();
        }));
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Cli.create(new CliEnvironment(Map.of(), REPO, new ByteArrayInputStream(new byte[0]), false), o, e)
          .execute(args);
    }
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }
}
