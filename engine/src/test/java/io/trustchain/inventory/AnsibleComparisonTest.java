package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * trustchain's {@code inventory --list}/{@code --graph} against the real {@code ansible-inventory}
 * for the inventories under {@code compare/}: the JSON trees must be equal (and the text too), the
 * graph text identical.
 */
class AnsibleComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String inventory, List<Optional<String>> graphs) {
    Path path() {
      return Fixtures.path("compare/" + inventory);
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("yaml-children/inventory.yml", List.of(Optional.empty(), Optional.of("engineering"))),
      new Case("ini-ranges/inventory.ini", List.of(Optional.empty())),
      new Case("vars-dirs/inventory.yml", List.of()),
      new Case("vault/inventory.yml", List.of()),
      new Case("directory/inventory", List.of(Optional.empty())),
      new Case("precedence/inventory.yml", List.of(Optional.empty())),
      new Case("formats", List.of()));

  private static List<String> listArgs(Case c) {
    return List.of("-i", c.path().toString(), "--vault-password-file", Fixtures.VAULT_PASSWORD.toString(), "--list");
  }

  private static List<String> graphArgs(Case c, Optional<String> group) {
    List<String> args = new ArrayList<>(List.of("-i", c.path().toString(), "--graph"));
    group.ifPresent(args::add);
    return args;
  }

  @TestFactory
  Stream<DynamicTest> ourOutputIsAnsibles() {
    for (Case c : CASES) {
      AnsibleInventoryCli.prefetch(listArgs(c));
      c.graphs().forEach(g -> AnsibleInventoryCli.prefetch(graphArgs(c, g)));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      tests.add(DynamicTest.dynamicTest("--list " + c.inventory(), c.path().toUri(), () -> {
        String theirs = AnsibleInventoryCli.run(listArgs(c));
        String ours = InventoryViews.list(Fixtures.load(c.path()));
        JsonNode expected = JSON.readTree(theirs);
        JsonNode actual = JSON.readTree(ours);
        assertThat(actual).as("JSON tree of --list").isEqualTo(expected);
        assertThat(ours).as("text of --list").isEqualTo(theirs);
      }));
      for (Optional<String> group : c.graphs()) {
        tests.add(DynamicTest.dynamicTest(("--graph " + group.orElse("")).strip() + " " + c.inventory(), c.path().toUri(), () -> {
          String theirs = AnsibleInventoryCli.run(graphArgs(c, group));
          assertThat(InventoryViews.graph(Fixtures.load(c.path()), group)).isEqualTo(theirs);
        }));
      }
    }
    return tests.stream();
  }
}
