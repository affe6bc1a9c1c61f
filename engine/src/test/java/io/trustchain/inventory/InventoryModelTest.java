package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loaded model: implicit groups, magic variables, inventory order, views' edges. */
class InventoryModelTest {

  private static final Path DIRECTORY = Fixtures.path("compare/directory/inventory");
  private static final Path YAML = Fixtures.path("compare/yaml-children/inventory.yml");

  @Test
  void magicVarsAreAnsibles() {
    Inventory inventory = Fixtures.load(YAML);
    Host host = inventory.host("standalone.example.com").orElseThrow();
    Map<String, Object> magic = inventory.magicVars(host);
    assertThat(magic).containsEntry("inventory_hostname", "standalone.example.com")
        .containsEntry("inventory_hostname_short", "standalone")
        .containsEntry("group_names", List.of("ungrouped"))
        .containsEntry("inventory_file", YAML.toString())
        .containsEntry("inventory_dir", YAML.getParent().toString());
    @SuppressWarnings("unchecked")
    Map<String, List<String>> groups = (Map<String, List<String>>) magic.get("groups");
    assertThat(groups.keySet()).containsExactly("all", "ungrouped", "engineering", "laptops", "desktops",
        "empty_group", "only_internal", "staging");
    assertThat(groups.get("engineering")).containsExactly("mac-lab-01", "mac-lab-02", "mac-lab-03", "mac-lab-10",
        "imac-a", "imac-b", "imac-c");
    assertThat(groups.get("empty_group")).isEmpty();
    assertThat(groups.get("all")).hasSize(inventory.hosts().size());
  }

  @Test
  void groupNamesIncludeParentsSortedWithoutAll() {
    Inventory inventory = Fixtures.load(YAML);
    Host host = inventory.host("mac-lab-01").orElseThrow();
    assertThat(host.groups()).containsExactly("desktops", "engineering", "laptops");
    assertThat(inventory.magicVars(host)).containsEntry("group_names", List.of("desktops", "engineering", "laptops"));
  }

  @Test
  void anIpAddressHasNoShortName() {
    Inventory inventory = Fixtures.load(Fixtures.path("compare/ini-ranges/inventory.ini"));
    Host host = inventory.host("standalone").orElseThrow();
    assertThat(inventory.magicVars(host)).containsEntry("inventory_hostname_short", "standalone");
    assertThat(HostRanges.isIpAddress("10.0.0.5")).isTrue();
    assertThat(HostRanges.isIpAddress("fe80::1")).isTrue();
    assertThat(HostRanges.isIpAddress("mac.example.com")).isFalse();
  }

  @Test
  void inADirectoryTheInventoryFileIsTheFileThatFirstNamedTheHost() {
    Inventory inventory = Fixtures.load(DIRECTORY);
    assertThat(inventory.source()).isEqualTo(DIRECTORY);
    assertThat(inventory.magicVars(inventory.host("mac-lab-01").orElseThrow()))
        .containsEntry("inventory_file", DIRECTORY.resolve("01-base.yml").toString());
    assertThat(inventory.magicVars(inventory.host("mac-design-3").orElseThrow()))
        .containsEntry("inventory_file", DIRECTORY.resolve("sub/03-nested.yaml").toString())
        .containsEntry("inventory_dir", DIRECTORY.resolve("sub").toString());
  }

  @Test
  void hostsComeInTheOrderTheyWereFirstWritten() {
    Inventory inventory = Fixtures.load(DIRECTORY);
    assertThat(inventory.hosts()).extracting(Host::name)
        .containsExactly("mac-lab-01", "mac-lab-02", "mac-design-1", "mac-design-2", "mac-design-3");
    assertThat(inventory.hostsOf("design")).extracting(Host::name)
        .containsExactly("mac-design-1", "mac-design-2", "mac-design-3");
    assertThat(inventory.hostsOf("nosuch")).isEmpty();
  }

  @Test
  void hostsRememberWhereTheyWereDeclared() {
    Host host = Fixtures.load(YAML).host("mac-lab-10").orElseThrow();
    assertThat(host.declaredAt().file()).isEqualTo(YAML);
    assertThat(host.declaredAt().line()).isEqualTo(18);
    assertThat(host.declaredAt().column()).isEqualTo(13);
    assertThat(host.vars()).containsEntry("ansible_port", 2222L);
  }

  @Test
  void implicitGroupsAreAlwaysThere() {
    Inventory inventory = Fixtures.load(Fixtures.path("compare/formats/empty.yml"));
    assertThat(inventory.hosts()).isEmpty();
    assertThat(inventory.groups().keySet()).containsExactly("all", "ungrouped");
    assertThat(inventory.group("all").orElseThrow().children()).containsExactly("ungrouped");
    assertThat(InventoryViews.list(inventory)).isEqualTo("""
        {
            "_meta": {
                "hostvars": {}
            },
            "all": {
                "children": [
                    "ungrouped"
                ]
            }
        }""");
    assertThat(InventoryViews.graph(inventory, Optional.empty())).isEqualTo("@all:\n  |--@ungrouped:");
  }

  @Test
  void graphOfAnUnknownGroupSaysSo() {
    Inventory inventory = Fixtures.load(YAML);
    assertThatThrownBy(() -> InventoryViews.graph(inventory, Optional.of("laptop")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no group named \"laptop\" in the inventory; did you mean \"laptops\"? "
            + "(--graph takes a group name, not a pattern)");
  }

  @Test
  void aMissingInventoryIsAnError() {
    Diagnostics diagnostics = new Diagnostics();
    assertThat(new InventoryLoader(null).load(Path.of("no/such/inventory.yml"), diagnostics)).isEmpty();
    assertThat(diagnostics.all()).singleElement().hasToString("error: inventory not found: no/such/inventory.yml");
  }

  @Test
  void aHostListIsNotSupported() {
    Diagnostics diagnostics = new Diagnostics();
    assertThat(new InventoryLoader(null).load(Path.of("mac01,mac02"), diagnostics)).isEmpty();
    assertThat(diagnostics.all()).singleElement().satisfies(d -> assertThat(d.hint())
        .contains("host lists such as -i mac01,mac02 are not supported: write the hosts in a YAML inventory"));
  }

  @Test
  void magicVarsRefuseAForeignHost() {
    Inventory inventory = Fixtures.load(YAML);
    Host stranger = new Host("stranger", Map.of(), List.of(), inventory.hosts().get(0).declaredAt());
    assertThatThrownBy(() -> inventory.magicVars(stranger)).isInstanceOf(IllegalArgumentException.class);
  }
}
