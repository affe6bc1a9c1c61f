package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trustchain.facts.FakeMacTransport.Answer;
import io.trustchain.facts.Variants.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Variance over every parser fixture (each reproduces a sample of macos-reference.md, or says why it
 * has none): the fixture's output is served in its section of a whole facts exec, then each variant
 * of it ({@link Variants}) is. Every fact that differs from the fixture's must be explicitly not
 * understood, by an entry of that tool's section — never a wrong fact — and the host is never lost
 * (it stays reachable with no error; only {@code sw_vers} may make it "not a Mac"). Other sections
 * gain no entry. Random combinations run too: {@code -Dtrustchain.variance.random=N} per fixture
 * (default 1), {@code -Dtrustchain.variance.seed=S} (default fixed, so a run can be repeated).
 */
class VarianceTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern USER_RECORD = Pattern.compile("/Users/([A-Za-z0-9_.@-]+)");
  private static final int RANDOM = Integer.getInteger("trustchain.variance.random", 1);
  private static final long SEED = Long.getLong("trustchain.variance.seed", 20261203L);

  /** Where a fixture folder's output goes in the facts script, and the section it feeds. */
  private record Target(String key, String section, FactsRequest request, Map<String, Answer> extra) {}

  private final FactsGatherer gatherer = new FactsGatherer();

  @TestFactory
  Stream<DynamicNode> everyFixture_everyVariant_givesTheSameFactOrSaysItDidNotUnderstand() throws IOException {
    Random random = new Random(SEED);
    List<DynamicNode> out = new ArrayList<>();
    for (Path file : fixtures()) {
      JsonNode fixture = YAML.readTree(file.toFile());
      String folder = file.getParent().getFileName().toString();
      Answer answer = new Answer(fixture.get("exit").asInt(), text(fixture, "stdout"), text(fixture, "stderr"));
      Target target = target(folder, fixture.get("command").asText());
      List<Variant> variants = new ArrayList<>(Variants.all(fixture.get("command").asText()));
      for (int i = 0; i < RANDOM; i++) {
        variants.add(Variants.random(random, fixture.get("command").asText()));
      }
      HostFacts[] before = new HostFacts[1];
      List<DynamicTest> tests = variants.stream().map(v -> DynamicTest.dynamicTest(v.name(), file.toUri(), () -> {
        if (before[0] == null) {
          before[0] = gather(target, answer);
        }
        check(target, before[0], v.apply().apply(answer), v);
      })).toList();
      out.add(DynamicContainer.dynamicContainer(folder + "/" + file.getFileName(), file.toUri(), tests.stream()));
    }
    return out.stream();
  }

  @Test
  void theSuiteCoversEveryReferenceSampleOfTheToolsTheFactsCall() throws IOException {
    Set<String> cited = new HashSet<>();
    for (Path file : fixtures()) {
      cited.add(YAML.readTree(file.toFile()).get("sample").asText());
    }
    // the samples of macos-reference.md for the commands FactsScript runs (S84 is uname -a; S85 covers -m;
    // S76, dscl -authonly, is no longer run: passwords are checked by trustchain's own osascript program)
    assertThat(cited).contains("S1", "S2", "S3", "S5", "S21", "S24", "S25", "S26", "S27", "S28", "S30", "S31",
        "S32", "S33", "S40", "S41", "S46", "S47", "S48", "S49", "S50", "S53", "S54", "S55", "S56", "S57", "S58",
        "S59", "S60", "S64", "S65", "S66", "S67", "S68", "S69", "S70", "S71", "S72", "S73", "S74", "S75", "S77", "S79", "S80", "S81", "S82", "S83", "S85", "S89");
  }

  private void check(Target target, HostFacts before, Answer varied, Variant variant) throws Exception {
    HostFacts after = gather(target, varied);
    String said = "variant '" + variant.name() + "' of " + target.key() + ":\n" + show(varied) + "\nnot understood:\n"
        + after.notUnderstood().stream().map(NotUnderstood::toString).reduce("", (a, b) -> a + "  " + b + "\n");
    assertThat(after.reachable()).as("the host is never lost; " + said).isTrue();
    if (after.error() != null) {
      assertThat(after.errorKind()).as("only sw_vers says 'not a Mac'; " + said).isEqualTo(HostErrorKind.NOT_A_MAC);
      assertThat(target.key()).as(said).isEqualTo(FactsScript.SW_VERS);
      return;
    }
    if (before.error() != null) {
      assertThat(after.notUnderstood()).as("a host that was not a Mac now has an OS not understood; " + said)
          .anyMatch(n -> n.touches("os.product_name"));
      return;
    }
    Map<String, JsonNode> was = flatten(before);
    Map<String, JsonNode> is = flatten(after);
    Set<String> paths = new HashSet<>(was.keySet());
    paths.addAll(is.keySet());
    for (String path : new java.util.TreeSet<>(paths)) {
      if (!Objects.equals(was.get(path), is.get(path))
          && after.notUnderstood().stream().noneMatch(n -> n.touches(path))) {
        fail("a wrong fact: %s was %s, is %s, and nothing says it was not understood; %s", path, was.get(path),
            is.get(path), said);
      }
    }
    for (NotUnderstood n : after.notUnderstood()) {
      if (!before.notUnderstood().contains(n)) {
        assertThat(n.section()).as("a new entry belongs to the varied tool's section; " + said)
            .isEqualTo(target.section());
      }
    }
  }

  private HostFacts gather(Target target, Answer answer) throws Exception {
    FakeMacTransport mac = FactsGathererTest.sequoia().answer(target.key(), answer);
    target.extra().forEach(mac::answer);
    return gatherer.gather(mac, target.request(), Duration.ofSeconds(30));
  }

  /** The facts JSON as path → value, accounts keyed by name, without what is no fact. */
  private static Map<String, JsonNode> flatten(HostFacts facts) {
    Map<String, JsonNode> out = new TreeMap<>();
    JsonNode json = FactsJson.host(facts);
    json.properties().forEach(e -> {
      switch (e.getKey()) {
        case "not_understood", "unmatched" -> { }
        case "users" -> e.getValue().forEach(u -> flatten("users[" + u.get("name").asText() + "]", u, out));
        default -> flatten(e.getKey(), e.getValue(), out);
      }
    });
    out.remove("os.other_keys");
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject() && !path.equals("os.other_keys")) {
      node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
    } else {
      out.put(path, node);
    }
  }

  private static Target target(String folder, String command) {
    FactsRequest request = FactsGathererTest.sequoiaRequest();
    return switch (folder) {
      case "sw_vers" -> new Target(FactsScript.SW_VERS, "os", request, Map.of());
      case "uname" -> new Target(FactsScript.UNAME, "os", request, Map.of());
      case "dscl_list_users" -> new Target(FactsScript.USERS, "users", request, Map.of());
      case "dscl_read" -> userRecord(command, request);
      case "secure_token_status" -> new Target(FactsScript.TOKEN + "alice", "users", request, Map.of());
      case "password_check" -> new Target(FactsScript.AUTH + "alice", "users", request, Map.of());
      case "crypto_users" -> new Target(FactsScript.CRYPTO, "filevault", request, Map.of());
      case "fdesetup_status" -> new Target(FactsScript.FV_STATUS, "filevault", request, Map.of());
      case "fdesetup_isactive" -> new Target(FactsScript.FV_ACTIVE, "filevault", request, Map.of());
      case "fdesetup_list" -> new Target(FactsScript.FV_LIST, "filevault", request, Map.of());
      case "fdesetup_showdeferralinfo" -> new Target(FactsScript.FV_DEFERRAL, "filevault", request, Map.of());
      case "fdesetup_bool" -> new Target(FactsScript.FV_PRK, "filevault", request, Map.of());
      case "profiles_bootstraptoken" -> new Target(FactsScript.BOOTSTRAP, "bootstrap_token", request, Map.of());
      case "profiles_enrollment" -> new Target(FactsScript.ENROLLMENT, "mdm", request, Map.of());
      case "defaults_mcx" -> new Target(FactsScript.MCX, "mobile_accounts", request, Map.of());
      case "file_test" -> new Target(FactsScript.RECOVERY_PLIST, "filevault", request, Map.of());
      case "clock" -> new Target(FactsScript.CLOCK, "filevault", request, Map.of());
      case "deferral_marker" -> new Target(FactsScript.DEFERRAL_SINCE, "filevault", request, Map.of());
      default -> throw new AssertionError("no section for fixture folder " + folder);
    };
  }

  /** {@code /Groups/admin} is the admin group; {@code /Users/NAME} that account (named, token enabled). */
  private static Target userRecord(String command, FactsRequest request) {
    if (command.contains("/Groups/admin")) {
      return new Target(FactsScript.ADMINS, "users", request, Map.of());
    }
    Matcher m = USER_RECORD.matcher(command);
    String name = m.find() ? m.group(1) : "alice";
    Set<String> named = new HashSet<>(request.namedUsers());
    named.add(name);
    return new Target(FactsScript.USER + name, "users", new FactsRequest(named, request.passwordsToCheck()),
        Map.of(FactsScript.TOKEN + name, new Answer(0, "",
            "2026-09-23 10:10:38.619 sysadminctl[1053:11513] Secure token is ENABLED for user " + name + "\n")));
  }

  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(ParserFixturesTest.root())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String text(JsonNode fixture, String field) {
    JsonNode n = fixture.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  private static String show(Answer a) {
    return "  exit " + a.exit() + "\n  stdout: " + a.stdout().replace("\n", "⏎") + "\n  stderr: "
        + a.stderr().replace("\n", "⏎");
  }
}
