package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ansible's variable precedence, one variable per case in {@code compare/precedence/} (whose whole
 * hostvars {@link AnsibleComparisonTest} also checks against ansible-inventory).
 */
class PrecedenceTest {

  private static final Inventory INVENTORY = Fixtures.load(Fixtures.path("compare/precedence/inventory.yml"));

  static Stream<Arguments> h1() {
    return Stream.of(
        Arguments.of("v_all_lowest", "bravo", "any group beats all"),
        Arguments.of("v_priority_beats_name", "alpha", "same depth: higher ansible_group_priority wins over name order"),
        Arguments.of("v_name_order", "charlie", "same depth and priority: the later name wins"),
        Arguments.of("v_child_beats_parent", "child", "a child group beats its parent"),
        Arguments.of("v_depth_beats_priority", "child", "depth counts before priority (parent has priority 50)"),
        Arguments.of("v_longest_path_depth", "shared", "depth is the longest path from all (shared is under all and child)"),
        Arguments.of("v_group_vars_file_beats_inventory", "group_vars/bravo.yml", "any group_vars file beats any inventory group var"),
        Arguments.of("v_group_vars_all_beats_inventory_group", "group_vars/all.yml", "even group_vars/all beats inventory group vars"),
        Arguments.of("v_group_vars_order", "group_vars/alpha.yml", "group_vars files follow the same group order"),
        Arguments.of("v_host_beats_group_vars", "host", "host inventory vars beat group_vars files"),
        Arguments.of("v_host_vars_beats_host", "host_vars/h1.yml", "host_vars files beat host inventory vars"),
        Arguments.of("v_host_repeated", "second", "a host written twice: the later vars win"),
        Arguments.of("v_priority_only_from_inventory", "alpha", "ansible_group_priority in group_vars/ does not change priority"),
        Arguments.of("v_dict_replaced", Map.of("b", 3L), "mappings are replaced, not merged"),
        Arguments.of("ansible_group_priority", 99L, "in group_vars/ it is an ordinary variable"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("h1")
  void h1Gets(String variable, Object winner, String rule) {
    assertThat(INVENTORY.host("h1").orElseThrow().vars()).containsEntry(variable, winner);
  }

  @Test
  void inventoryPriorityIsThePriorityNotAVariable() {
    assertThat(INVENTORY.group("alpha").orElseThrow().priority()).isEqualTo(10);
    assertThat(INVENTORY.group("alpha").orElseThrow().vars()).doesNotContainKey("ansible_group_priority");
    assertThat(INVENTORY.group("zulu").orElseThrow().priority()).isEqualTo(1);
  }

  @Test
  void depthIsTheLongestPathFromAll() {
    assertThat(INVENTORY.group("all").orElseThrow().depth()).isZero();
    assertThat(INVENTORY.group("parent").orElseThrow().depth()).isEqualTo(1);
    assertThat(INVENTORY.group("child").orElseThrow().depth()).isEqualTo(2);
    assertThat(INVENTORY.group("shared").orElseThrow().depth()).isEqualTo(3);
  }

  @Test
  void aHostGetsOnlyItsOwnGroupsVariables() {
    assertThat(INVENTORY.host("h2").orElseThrow().vars())
        .containsEntry("v_priority_beats_name", "zulu")
        .containsEntry("v_group_vars_order", "group_vars/zulu.yml")
        .containsEntry("v_all_lowest", "all")
        .doesNotContainKeys("v_name_order", "v_host_vars_beats_host");
  }
}
