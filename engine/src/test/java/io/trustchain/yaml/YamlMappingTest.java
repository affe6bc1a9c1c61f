package io.trustchain.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlMappingTest {

  private static final Path FILE = Path.of("/docs/x.yml");

  private final Diagnostics diagnostics = new Diagnostics();

  private YamlMapping read(String yaml) {
    var docs = YamlSource.parse(FILE, yaml, diagnostics);
    DuplicateKeys.check(FILE, docs.get(0), diagnostics);
    return YamlMapping.of(docs.get(0), FILE, diagnostics, "a thing").orElseThrow();
  }

  private List<String> problems() {
    return diagnostics.all().stream().map(d -> d.at().map(r -> r.line() + ":" + r.column() + " ").orElse("")
        + d.message() + d.hint().map(h -> " | " + h).orElse("")).toList();
  }

  @Test
  void typedGetters_readGoodValues() {
    YamlMapping map = read("""
        name: Engineering
        port: 22
        version: 1.5
        on: yes
        off: false
        users: [alice, bob, 501]
        nested: {a: 1}
        """);

    assertThat(map.string("name")).contains("Engineering");
    assertThat(map.string("port")).contains("22");
    assertThat(map.string("version")).contains("1.5");
    assertThat(map.integer("port")).contains(22L);
    assertThat(map.bool("on")).contains(true);
    assertThat(map.bool("off")).contains(false);
    assertThat(map.strings("users")).contains(List.of("alice", "bob", "501"));
    assertThat(map.mapping("nested").flatMap(m -> m.integer("a"))).contains(1L);
    assertThat(map.string("absent")).isEmpty();
    assertThat(map.keys()).containsExactly("name", "port", "version", "on", "off", "users", "nested");
    assertThat(problems()).isEmpty();
  }

  @Test
  void wrongTypes_areReportedAtTheValues_andReadingGoesOn() {
    YamlMapping map = read("""
        name: [not, a, string]
        admin: yes please
        users: alice
        more: [alice, {b: 1}]
        nested: 3
        count: three
        secret: !secret env:X
        """);

    assertThat(map.string("name")).isEmpty();
    assertThat(map.bool("admin")).isEmpty();
    assertThat(map.strings("users")).isEmpty();
    assertThat(map.strings("more")).isEmpty();
    assertThat(map.mapping("nested")).isEmpty();
    assertThat(map.integer("count")).isEmpty();
    assertThat(map.string("secret")).isEmpty();
    assertThat(problems()).containsExactly(
        "1:7 expected a string, got a list",
        "2:8 expected true or false, got \"yes please\"",
        "3:8 expected a list of strings, got \"alice\"",
        "4:15 expected a string, got a mapping",
        "5:9 expected a mapping, got 3",
        "6:8 expected a whole number, got \"three\"",
        "7:9 expected a string, got a secret");
  }

  @Test
  void unknownAndMissingKeys_areAllReported_oneErrorPerTypo() {
    YamlMapping map = read("""
        nmae: x
        colour: blue
        """);

    map.rejectUnknownKeys(List.of("name", "hosts", "color"), "play key");
    map.require("name", "hosts");

    assertThat(problems()).containsExactly(
        "1:1 unknown play key \"nmae\" | did you mean \"name\"?",
        "1:1 missing required key \"hosts\"",
        "2:1 unknown play key \"colour\" | did you mean \"color\"?");
  }

  @Test
  void unknownKeyThatLooksLikeAPassword_showsNoSnippet() {
    read("pasword: hunter2\n").rejectUnknownKeys(List.of("password"), "key");

    assertThat(diagnostics.all()).singleElement().extracting(Diagnostic::showSnippet).isEqualTo(false);
  }

  @Test
  void notAMapping_isReportedAtTheNode() {
    var docs = YamlSource.parse(FILE, "- a\n- b\n", diagnostics);

    assertThat(YamlMapping.of(docs.get(0), FILE, diagnostics, "a play")).isEqualTo(Optional.empty());
    assertThat(problems()).containsExactly("1:1 expected a play (a mapping), got a list");
  }

  @Test
  void duplicateKeys_areReportedOnceWithTheFirstPosition() {
    YamlMapping map = read("""
        a: 1
        b: {c: 1, c: 2}
        a: 2
        """);

    assertThat(map.integer("a")).contains(1L);
    assertThat(problems()).containsExactly(
        "2:11 duplicate key \"c\" (first at /docs/x.yml:2:5) | remove one of them; YAML keeps only one value per key",
        "3:1 duplicate key \"a\" (first at /docs/x.yml:1:1) | remove one of them; YAML keeps only one value per key");
  }

  @Test
  void yamlTypes_describeAndConvertLikeAnsible() {
    assertThat(YamlTypes.toBoolean("On")).contains(true);
    assertThat(YamlTypes.toBoolean("n")).contains(false);
    assertThat(YamlTypes.toBoolean(1L)).contains(true);
    assertThat(YamlTypes.toBoolean("yes please")).isEmpty();
    assertThat(YamlTypes.toBoolean(2L)).isEmpty();
    assertThat(YamlTypes.describe("x".repeat(50))).isEqualTo("\"" + "x".repeat(37) + "...\"");
    assertThat(YamlTypes.describe((Object) null)).isEqualTo("nothing (null)");
  }
}
