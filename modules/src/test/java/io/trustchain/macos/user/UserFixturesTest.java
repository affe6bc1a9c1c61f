package io.trustchain.macos.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.Fixtures;
import io.trustchain.macos.MacosModule;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.planner.Planner;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.PlanValidator;
import io.trustchain.transport.Command;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One case per file under src/test/resources/user/: params, facts, credential, and the expected
 * change (action, commands as displayed, reason, projected facts) or problems. Each case runs the
 * whole planner with the validators MacosModule contributes.
 */
class UserFixturesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> PARAM_KEYS = Set.of("name", "state", "full_name", "admin", "hidden", "shell",
      "uid", "password", "secure_token", "remove_home", "managed_password");
  private static final Set<String> FIXTURE_KEYS = Set.of("params", "facts", "credential", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("action", "commands", "reason", "problems", "hint",
      "projected");

  private final Injector injector = Guice.createInjector(new MacosModule());
  private final UserModule module = new UserModule();
  private final List<PlanValidator> validators =
      List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<PlanValidator>>() {})));

  @TestFactory
  Stream<DynamicTest> userCases() throws IOException, URISyntaxException {
    Path dir = Path.of(UserFixturesTest.class.getResource("/user").toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    return files.stream().map(f -> DynamicTest.dynamicTest(
        f.getFileName().toString().replace(".yaml", ""), f.toUri(), () -> run(f)));
  }

  private void run(Path file) throws IOException {
    JsonNode fixture = YAML.readTree(file.toFile());
    onlyKnown(fixture, FIXTURE_KEYS, "fixture");
    JsonNode expect = fixture.get("expect");
    onlyKnown(expect, EXPECT_KEYS, "expect");
    UserParams params = params(fixture.get("params"));
    HostFacts facts = Fixtures.facts(fixture.get("facts"));
    Credential credential = Fixtures.credential(fixture.get("credential"));
    BoundResource<UserParams> resource = new BoundResource<>(ResourceAddress.of("user", params.name()), module,
        params, credential, "play", Fixtures.AT);

    assertThat(module.check(params)).as("params check").isEmpty();
    HostPlan plan = new Planner().plan("mac", facts, "digest", List.of(resource), validators);

    if (expect.has("problems")) {
      List<String> wanted = new ArrayList<>();
      expect.get("problems").forEach(p -> wanted.add(p.asText()));
      List<String> messages = plan.problems().stream().map(PlanProblem::message).toList();
      assertThat(messages).as("problems").hasSameSizeAs(wanted);
      for (int i = 0; i < wanted.size(); i++) {
        assertThat(messages.get(i)).as("problem %d", i).contains(wanted.get(i));
      }
      if (expect.has("hint")) {
        assertThat(plan.problems().get(0).hint()).as("hint").hasValueSatisfying(
            h -> assertThat(h).contains(expect.get("hint").asText()));
      }
      assertThat(plan.changes()).as("a host with problems gets no changes").isEmpty();
      return;
    }
    assertThat(plan.problems()).as("problems").isEmpty();
    assertThat(plan.changes()).hasSize(1);
    Change change = plan.changes().get(0);
    assertThat(change.action().word()).as("action of %s", change).isEqualTo(expect.get("action").asText());
    List<String> commands = new ArrayList<>();
    expect.path("commands").forEach(c -> commands.add(c.asText()));
    assertThat(change.commands().stream().map(Command::display).toList()).as("commands").isEqualTo(commands);
    if (expect.has("reason")) {
      assertThat(change.reason()).as("reason").contains(expect.get("reason").asText());
    }
    if (expect.has("projected")) {
      projected(expect.get("projected"), module.project(facts, params, change), params.name());
    }
  }

  private static void projected(JsonNode expected, HostFacts projected, String name) {
    if (expected.isTextual() && expected.asText().equals("absent")) {
      assertThat(projected.user(name)).as("projected user").isEmpty();
      return;
    }
    UserFacts u = projected.user(name).orElseThrow(() -> new AssertionError(name + " missing from projected facts"));
    Map<String, Object> actual = new java.util.HashMap<>();
    actual.put("secure_token", u.secureToken());
    actual.put("secure_token_disabled_tag", u.secureTokenDisabledTag());
    actual.put("admin", u.admin());
    actual.put("hidden", u.hidden());
    actual.put("shell", u.shell());
    actual.put("real_name", u.realName());
    actual.put("uid", u.uid());
    actual.put("volume_owner", u.volumeOwner());
    actual.put("password_authenticates", u.passwordAuthenticates());
    expected.fieldNames().forEachRemaining(key -> {
      assertThat(actual).as("projected fact %s is known to the runner", key).containsKey(key);
      JsonNode want = expected.get(key);
      Object wantValue = want.isNull() ? null : want.isBoolean() ? want.asBoolean() : want.isInt() ? want.asInt()
          : want.asText();
      assertThat(actual.get(key)).as("projected %s", key).isEqualTo(wantValue);
    });
  }

  static UserParams params(JsonNode n) {
    onlyKnown(n, PARAM_KEYS, "params");
    return new UserParams(n.get("name").asText(),
        n.has("state") ? UserParams.State.valueOf(n.get("state").asText().toUpperCase()) : null,
        text(n, "full_name"), bool(n, "admin"), bool(n, "hidden"), text(n, "shell"),
        n.has("uid") ? n.get("uid").asInt() : null,
        n.has("password") ? Fixtures.secret(n.get("password").asText()) : null,
        bool(n, "secure_token"), bool(n, "remove_home"), managed(n.get("managed_password")));
  }

  /** {@code managed_password: {value: env:X, length, characters: [..], rotate_after_days, rotate_if_created_before}}. */
  private static ManagedPasswordParams managed(JsonNode m) {
    if (m == null) {
      return null;
    }
    List<String> characters = null;
    if (m.has("characters")) {
      characters = new ArrayList<>();
      for (JsonNode c : m.get("characters")) {
        characters.add(c.asText());
      }
    }
    return new ManagedPasswordParams(m.has("value") ? Fixtures.secret(m.get("value").asText()) : null,
        m.has("length") ? m.get("length").asInt() : null, characters,
        m.has("rotate_after_days") ? m.get("rotate_after_days").asInt() : null, text(m, "rotate_if_created_before"));
  }

  private static String text(JsonNode n, String key) {
    return n.has(key) ? n.get(key).asText() : null;
  }

  private static Boolean bool(JsonNode n, String key) {
    return n.has(key) ? n.get(key).asBoolean() : null;
  }

  private static void onlyKnown(JsonNode n, Set<String> known, String what) {
    assertThat(n).as(what).isNotNull();
    n.fieldNames().forEachRemaining(k -> assertThat(known).as("unknown %s key \"%s\"", what, k).contains(k));
  }
}
