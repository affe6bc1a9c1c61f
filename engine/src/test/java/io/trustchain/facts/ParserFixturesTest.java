package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/facts/<parser>/<case>.yaml}: {@code sample}
 * (the macos-reference.md sample it reproduces, or {@code none} with a reason in {@code note}),
 * {@code macos}, {@code command}, {@code exit}, {@code stdout}, {@code stderr}, and {@code expect}:
 * the parsed value as snake_case YAML ({@code match: subset} compares only the keys given; what a
 * parser did not read is null), and {@code not_understood}: what the parser noted, in order
 * ({@code facts} as a set, {@code stream}, {@code lines}, {@code problem} as a substring); none when
 * absent. {@code absent} lists strings (secrets) the notes must not hold. Every parser has at least one
 * fixture named {@code error…}, whose output it does not fully understand.
 */
class ParserFixturesTest {

  @FunctionalInterface
  interface Parser {
    Object parse(Reading r);
  }

  static final Map<String, Parser> PARSERS = Map.ofEntries(
      Map.entry("sw_vers", SwVersParser::parse),
      Map.entry("uname", UnameParser::parse),
      Map.entry("dscl_list_users", UserListParser::parse),
      Map.entry("dscl_read", r -> DsclRecordParser.parse(r).orElse(null)),
      Map.entry("secure_token_status", SecureTokenStatusParser::parse),
      Map.entry("password_check", PasswordCheckParser::parse),
      Map.entry("crypto_users", CryptoUsersParser::parse),
      Map.entry("fdesetup_status", FdeStatusParser::parse),
      Map.entry("fdesetup_list", FdeListParser::parse),
      Map.entry("fdesetup_showdeferralinfo", r -> DeferralInfoParser.parse(r).orElse(null)),
      Map.entry("fdesetup_bool", FdeBooleanParser::parse),
      Map.entry("profiles_bootstraptoken", BootstrapTokenParser::parse),
      Map.entry("profiles_enrollment", EnrollmentParser::parse),
      Map.entry("defaults_mcx", McxBypassParser::parse),
      Map.entry("file_test", FileTestParser::parse),
      Map.entry("clock", r -> java.util.Optional.ofNullable(ClockParser.parse(r)).map(Object::toString).orElse(null)),
      Map.entry("fdesetup_isactive", IsActiveParser::parse),
      Map.entry("deferral_marker", r -> DeferralMarkerParser.parse(r).map(m -> m.since()
          + (m.options() == null ? "" : " " + m.options().markerWords())).orElse(null)));

  private static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SAMPLE = Pattern.compile("S\\d+[a-e]?|none");

  @TestFactory
  Stream<DynamicNode> fixtures() throws IOException {
    List<DynamicNode> parsers = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root())) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        Parser parser = PARSERS.get(name);
        if (parser == null) {
          parsers.add(DynamicTest.dynamicTest(name, () -> fail("no parser is registered for fixture folder " + dir)));
          continue;
        }
        List<DynamicTest> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
            cases.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> run(parser, file)));
          }
        }
        parsers.add(DynamicContainer.dynamicContainer(name, dir.toUri(), cases.stream()));
      }
    }
    return parsers.stream();
  }

  @Test
  void everyParserHasFixtures() throws IOException {
    for (String name : PARSERS.keySet()) {
      Path dir = root().resolve(name);
      assertThat(dir).as("fixture folder for %s", name).isDirectory();
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> all = files.toList();
        assertThat(all).as("fixtures of %s", name).isNotEmpty();
        assertThat(all.stream().anyMatch(f -> f.getFileName().toString().startsWith("error")))
            .as("%s has an error fixture", name).isTrue();
      }
    }
  }

  static void run(Parser parser, Path file) throws Exception {
    JsonNode fixture = YAML.readTree(file.toFile());
    for (String field : List.of("sample", "macos", "command", "exit", "expect")) {
      assertThat(fixture.has(field)).as("%s has '%s'", file, field).isTrue();
    }
    assertThat(fixture.get("sample").asText()).as("sample of %s", file).matches(SAMPLE);
    if (fixture.get("sample").asText().equals("none")) {
      assertThat(fixture.has("note")).as("%s says why it has no sample", file).isTrue();
    }
    ToolOutput out = new ToolOutput(fixture.get("command").asText(), fixture.get("exit").asInt(),
        text(fixture, "stdout"), text(fixture, "stderr"));
    Reading reading = new Reading(out);
    JsonNode actual = JSON.valueToTree(parser.parse(reading));
    JsonNode expect = fixture.get("expect");
    boolean subset = "subset".equals(fixture.path("match").asText());
    if (!matches(expect, actual, subset)) {
      fail("%s%nexpected:%n%s%nactual:%n%s", file, YAML.writeValueAsString(expect), YAML.writeValueAsString(actual));
    }
    List<NotUnderstood> notes = reading.notUnderstood("test", List::of);
    JsonNode expected = fixture.path("not_understood");
    if (!notUnderstood(expected, notes)) {
      fail("%s: not understood%nexpected:%n%s%nactual:%n%s", file, YAML.writeValueAsString(expected),
          YAML.writeValueAsString(JSON.valueToTree(notes)));
    }
    for (JsonNode absent : fixture.path("absent")) {
      assertThat(JSON.writeValueAsString(notes)).as("%s: redacted", file).doesNotContainIgnoringCase(absent.asText());
    }
  }

  /**
   * Each expected entry ({@code facts} as a set, {@code stream}, {@code lines} exactly, {@code problem}
   * contained) matches the actual entry at the same position; none expected means none.
   */
  static boolean notUnderstood(JsonNode expected, List<NotUnderstood> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      JsonNode e = expected.get(i);
      NotUnderstood a = actual.get(i);
      java.util.Set<String> facts = new java.util.TreeSet<>();
      e.path("facts").forEach(f -> facts.add(f.asText()));
      List<String> lines = new ArrayList<>();
      e.path("lines").forEach(l -> lines.add(l.asText()));
      boolean ok = facts.equals(new java.util.TreeSet<>(a.facts()))
          && (e.path("stream").isMissingNode() || java.util.Objects.equals(e.path("stream").textValue(), a.stream()))
          && (!e.has("lines") || lines.equals(a.lines()))
          && (!e.has("problem") || a.problem().contains(e.get("problem").asText()));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode fixture, String field) {
    JsonNode n = fixture.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  static boolean matches(JsonNode expect, JsonNode actual, boolean subset) {
    if (expect.isNumber() && actual.isNumber()) {
      return expect.doubleValue() == actual.doubleValue();
    }
    if (expect.isObject() && actual.isObject()) {
      if (!subset && expect.size() != actual.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : expect.properties()) {
        if (!actual.has(e.getKey()) || !matches(e.getValue(), actual.get(e.getKey()), subset)) {
          return false;
        }
      }
      return true;
    }
    if (expect.isArray() && actual.isArray()) {
      if (expect.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expect.size(); i++) {
        if (!matches(expect.get(i), actual.get(i), subset)) {
          return false;
        }
      }
      return true;
    }
    return expect.equals(actual);
  }

  static Path root() {
    try {
      return Path.of(ParserFixturesTest.class.getResource("/facts").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
