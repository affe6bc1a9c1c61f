package io.trustchain.macos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.trustchain.diag.Diagnostics;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.planner.Planner;
import io.trustchain.playbook.Playbook;
import io.trustchain.playbook.PlaybookLoader;
import io.trustchain.playbook.ResourceBinder;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.PlanValidator;
import io.trustchain.template.JinjavaTemplater;
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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One case per file under src/test/resources/{filevault,bootstrap_token,mobile_accounts}/: the play's
 * {@code resources} as a document writes them (loaded, bound and checked by the real loader), the
 * host's {@code facts}, and the expected plan of one resource ({@code expect.address}, default the
 * last one): {@code action}, {@code commands} as displayed, {@code reason} (a part of it),
 * {@code after} (attributes), {@code projected} (facts as {@code facts --format json} would show
 * them, a subset), or {@code problems} (parts of the messages, in order) and {@code load_errors};
 * {@code cannot_plan} lists the resources that cannot be planned ({@code ADDRESS: part of the message},
 * in order; none when absent), for facts that carry {@code not_understood} entries.
 * The whole planner runs with MacosModule's validators and the play's credential tcadmin
 * ({@code !secret env:TC_PW}).
 */
class PlayFixturesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("resources", "facts", "expect");
  private static final Set<String> EXPECT = Set.of("address", "action", "commands", "reason", "after", "projected",
      "problems", "load_errors", "cannot_plan");

  private final Injector injector = Guice.createInjector(new MacosModule());
  private final ModuleRegistry registry = injector.getInstance(ModuleRegistry.class);
  private final List<PlanValidator> validators =
      List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<PlanValidator>>() {})));

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicNode> cases() throws IOException, URISyntaxException {
    List<DynamicNode> folders = new ArrayList<>();
    for (String folder : List.of("filevault", "bootstrap_token", "mobile_accounts")) {
      Path root = Path.of(PlayFixturesTest.class.getResource("/" + folder).toURI());
      List<Path> files;
      try (Stream<Path> list = Files.list(root)) {
        files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      }
      assertThat(files).as(folder).hasSizeGreaterThan(3);
      folders.add(DynamicContainer.dynamicContainer(folder, root.toUri(), files.stream().map(f ->
          DynamicTest.dynamicTest(f.getFileName().toString().replace(".yaml", ""), f.toUri(), () -> run(f)))));
    }
    return folders.stream();
  }

  private void run(Path file) throws Exception {
    JsonNode fixture = YAML.readTree(file.toFile());
    fixture.fieldNames().forEachRemaining(k -> assertThat(KEYS).as("fixture key %s", k).contains(k));
    JsonNode expect = fixture.get("expect");
    expect.fieldNames().forEachRemaining(k -> assertThat(EXPECT).as("expect key %s", k).contains(k));
    Path playbook = dir.resolve("site.yml");
    String resources = fixture.get("resources").asText().strip().indent(4);
    Files.writeString(playbook, """
        - name: fixture
          hosts: mac
          credential: {user: tcadmin, password: !secret env:TC_PW}
          escrow: {store: vault, path: escrow}
          resources:
        """ + resources);
    Diagnostics diagnostics = new Diagnostics();
    var loaded = new PlaybookLoader(registry, null).load(playbook, diagnostics);
    List<BoundResource<?>> bound = new ArrayList<>();
    if (loaded.isPresent()) {
      ResourceBinder binder = new ResourceBinder(registry, new JinjavaTemplater());
      for (Playbook p : List.of(loaded.get())) {
        bound.addAll(binder.bind(p.plays().get(0), "mac", Map.of(), diagnostics));
      }
    }
    if (expect.has("load_errors")) {
      List<String> messages = diagnostics.all().stream().map(d -> d.message() + d.hint().map(h -> " / " + h)
          .orElse("")).toList();
      List<String> wanted = texts(expect.get("load_errors"));
      assertThat(messages).as("load errors").hasSameSizeAs(wanted);
      for (int i = 0; i < wanted.size(); i++) {
        assertThat(messages.get(i)).contains(wanted.get(i));
      }
      return;
    }
    assertThat(diagnostics.hasErrors()).as(diagnostics.toString()).isFalse();
    HostFacts facts = Fixtures.facts(fixture.get("facts"));
    HostPlan plan = new Planner().plan("mac", facts, "digest", bound, validators);
    if (expect.has("problems")) {
      List<String> messages = plan.problems().stream().map(PlanProblem::message).toList();
      List<String> wanted = texts(expect.get("problems"));
      assertThat(messages).as("problems").hasSameSizeAs(wanted);
      for (int i = 0; i < wanted.size(); i++) {
        assertThat(messages.get(i)).as("problem %d", i).contains(wanted.get(i));
      }
      assertThat(plan.changes()).as("a host with problems gets no changes").isEmpty();
      return;
    }
    assertThat(plan.problems()).as("problems").isEmpty();
    List<String> undecided = plan.undecided().stream().map(u -> u.address() + ": " + u.message()).toList();
    List<String> wantUndecided = texts(expect.path("cannot_plan"));
    assertThat(undecided).as("cannot plan").hasSameSizeAs(wantUndecided);
    for (int i = 0; i < wantUndecided.size(); i++) {
      assertThat(undecided.get(i)).as("cannot plan %d", i).contains(wantUndecided.get(i));
    }
    if (!expect.has("action")) {
      return;
    }
    String address = expect.has("address") ? expect.get("address").asText()
        : bound.get(bound.size() - 1).address().toString();
    Change change = plan.changes().stream().filter(c -> c.address().toString().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no change for " + address + " in " + plan.changes()));
    assertThat(change.action().word()).as("action of %s: %s", address, change.reason())
        .isEqualTo(expect.get("action").asText());
    if (expect.has("commands")) {
      assertThat(change.commands().stream().map(Command::display).toList()).as("commands")
          .isEqualTo(texts(expect.get("commands")));
    }
    if (expect.has("reason")) {
      assertThat(change.reason()).as("reason").contains(expect.get("reason").asText());
    }
    if (expect.has("after")) {
      JsonNode after = JSON.valueToTree(switch (change) {
        case Change.Update u -> u.after().values();
        case Change.Pending p -> p.after().values();
        case Change.Create c -> c.after().values();
        case Change.NoOp n -> n.current().values();
        case Change.Delete d -> Map.of();
      });
      subset(expect.get("after"), after, "after");
    }
    if (expect.has("projected")) {
      HostFacts projected = facts;
      for (BoundResource<?> r : bound) {
        Change c = plan.changes().stream().filter(x -> x.address().equals(r.address())).findFirst().orElseThrow();
        projected = project(r, projected, c);
      }
      JsonNode tree = JSON.readTree(FactsJson.write(Map.of("mac", projected))).get("hosts").get("mac");
      subset(expect.get("projected"), tree, "projected");
    }
  }

  private static <P extends Record> HostFacts project(BoundResource<P> r, HostFacts facts, Change c) {
    return r.module().project(facts, r.params(), c);
  }

  private static void subset(JsonNode want, JsonNode actual, String path) {
    if (want.isObject()) {
      want.fields().forEachRemaining(e -> {
        assertThat(actual.has(e.getKey())).as("%s.%s exists in %s", path, e.getKey(), actual).isTrue();
        subset(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
      });
      return;
    }
    if (want.isArray() && actual.isArray() && want.size() > 0 && want.get(0).isObject()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(want.size());
      for (int i = 0; i < want.size(); i++) {
        subset(want.get(i), actual.get(i), path + "[" + i + "]");
      }
      return;
    }
    if (want.isNumber() && actual.isNumber()) {
      assertThat(actual.asDouble()).as(path).isEqualTo(want.asDouble());
      return;
    }
    assertThat(actual).as(path).isEqualTo(want);
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }
}
