package io.trustchain.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

/** The bounds every document is read within (YamlLimits), reported at their place, never thrown. */
class YamlLimitsTest {

  private static final Path FILE = Path.of("/docs/x.yml");

  private final Diagnostics diagnostics = new Diagnostics();

  private List<Node> parse(String yaml) {
    return YamlSource.parse(FILE, yaml, diagnostics);
  }

  private String problem() {
    assertThat(diagnostics.all()).as("one error").hasSize(1);
    var d = diagnostics.all().get(0);
    return d.at().map(r -> r.line() + ":" + r.column() + " ").orElse("") + d.message();
  }

  @Test
  void nestingUpToTheLimitIsRead_oneLevelMoreIsAnErrorAtTheLevelThatBreaksIt() {
    assertThat(parse("a: " + "[".repeat(YamlLimits.MAX_DEPTH - 1) + "]".repeat(YamlLimits.MAX_DEPTH - 1))).hasSize(1);
    assertThat(diagnostics.all()).isEmpty();

    assertThat(parse("a: " + "[".repeat(YamlLimits.MAX_DEPTH) + "]".repeat(YamlLimits.MAX_DEPTH))).isEmpty();
    assertThat(problem()).isEqualTo("1:" + (3 + YamlLimits.MAX_DEPTH) + " the document nests deeper than 64 levels");
  }

  @Test
  void aDocumentNestedTenThousandLevelsDeepIsAnErrorNotAStackOverflow() {
    parse("a:\n" + "- ".repeat(10_000) + "x\n" + "b: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000));
    assertThat(problem()).startsWith("2:").endsWith("the document nests deeper than 64 levels");
  }

  @Test
  void anAliasBombIsStoppedAtTheAliasThatCrossesTheBudget() {
    StringBuilder bomb = new StringBuilder("b0: &b0 [lol, lol, lol]\n");
    for (int i = 1; i < 16; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*b").append(i - 1).append(", *b").append(i - 1)
          .append(", *b").append(i - 1).append("]\n");
    }
    parse(bomb.toString());
    assertThat(problem()).matches("1[0-9]:\\d+ aliases expand this document to more than 100000 values \\(an alias bomb\\?\\)");
  }

  @Test
  void ordinaryAnchorsAndMergeKeysStillWork() {
    List<Node> docs = parse("""
        defaults: &defaults {admin: false, shell: /bin/zsh}
        alice: {<<: *defaults, admin: true}
        bob: *defaults
        """);
    assertThat(diagnostics.all()).isEmpty();
    assertThat(YamlValues.toValue(docs.get(0), FILE, diagnostics).toString())
        .isEqualTo("{defaults={admin=false, shell=/bin/zsh}, alice={admin=true, shell=/bin/zsh}, "
            + "bob={admin=false, shell=/bin/zsh}}");
  }

  @Test
  void anAliasInsideItsOwnAnchorIsACycle() {
    parse("a: &loop [1, *loop]\n");
    assertThat(problem()).isEqualTo("1:14 alias *loop refers to the collection it is inside (a cycle)");
  }

  @Test
  void anAliasThatWouldNestTooDeepIsAnError() {
    String deep = "[".repeat(40) + "]".repeat(40);
    parse("a: &deep " + deep + "\nb: " + "[".repeat(30) + "*deep" + "]".repeat(30) + "\n");
    assertThat(problem()).isEqualTo("2:34 alias *deep nests the document deeper than 64 levels");
  }

  @Test
  void aHugeScalarIsAnError() {
    parse("name: x\nnote: " + "y".repeat(YamlLimits.MAX_SCALAR + 1) + "\n");
    assertThat(problem()).isEqualTo("2:7 a value of 65537 characters is longer than the 65536 allowed");
  }

  @Test
  void onlyTheCoreTagsAndSecretAndVaultAreRead() {
    parse("a: !secret env:X\nb: !!str 1\nc: !!int 2\nd: !!binary aGVsbG8=\n");
    assertThat(problem()).isEqualTo("4:4 unsupported tag !!binary");
    Diagnostics other = new Diagnostics();
    YamlSource.parse(FILE, "x: !!python/object/apply:os.system [id]\n", other);
    assertThat(other.all().get(0).message()).isEqualTo("unsupported tag !!python/object/apply:os.system");
    YamlSource.parse(FILE, "x: !unsafe '{{ x }}'\n", other);
    assertThat(other.all().get(1).message()).isEqualTo("unsupported tag !unsafe");
  }

  @Test
  void escapedControlCharactersInValuesAreErrors_rawOnesTooAtTheirColumn() {
    parse("name: \"ali\\u001bce\"\n");
    assertThat(problem()).isEqualTo("1:7 a value holds the control character U+001B");

    Diagnostics raw = new Diagnostics();
    YamlSource.parse(FILE, "a: 1\nname: ali\u007Fce\n", raw);
    assertThat(raw.all()).hasSize(1);
    assertThat(raw.all().get(0).at().orElseThrow().toString()).endsWith("x.yml:2:10");
    assertThat(raw.all().get(0).message()).isEqualTo(
        "invalid YAML: the control character U+007F is not allowed in a document");

    Diagnostics fine = new Diagnostics();
    YamlSource.parse(FILE, "text: \"tab\\there\\nline\"\nblock: |\n  two\n  lines\n", fine);
    assertThat(fine.all()).isEmpty();
  }
}
