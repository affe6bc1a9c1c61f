package io.trustchain.inventory;

import io.trustchain.diag.DidYouMean;
import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ansible-inventory} prints (ansible-core 2.14), as strings without a trailing newline:
 * {@link #list} for {@code --list} and {@link #graph} for {@code --graph}.
 */
public final class InventoryViews {

  /** Names {@code ansible-inventory} leaves out of hostvars: Ansible sets them itself. */
  private static final Set<String> INTERNAL = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
      "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python", "ansible_run_tags",
      "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir", "inventory_file",
      "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit", "playbook_dir");

  private InventoryViews() {}

  /**
   * The JSON of {@code ansible-inventory --list}: {@code _meta.hostvars} (hosts with variables,
   * untemplated, without the names Ansible sets itself), then one entry per group reachable from {@code all} that has hosts or children,
   * keys sorted. {@code !vault} values show as {@code {"__ansible_vault": "<envelope>"}}; other
   * secret references, which Ansible cannot read, as the string {@code "!secret <source>"}.
   */
  public static String list(Inventory inventory) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> hostvars = new LinkedHashMap<>();
    for (Host host : inventory.hosts()) {
      Map<String, Object> vars = new LinkedHashMap<>(host.vars());
      vars.keySet().removeAll(INTERNAL);
      if (!vars.isEmpty()) {
        hostvars.put(host.name(), vars);
      }
    }
    out.put("_meta", Map.of("hostvars", hostvars));
    addGroup(inventory, inventory.groups().get(InventoryGraph.ALL), out, new LinkedHashSet<>());
    return PythonJson.write(out, ref -> switch (ref) {
      case SecretRef.Vault vault -> Map.of("__ansible_vault", inventory.vaultText(vault));
      default -> "!secret " + ref.describe();
    });
  }

  /**
   * The JSON of {@code ansible-inventory --host HOST}: the host's variables (untemplated, without
   * the names Ansible sets itself), keys sorted.
   *
   * @throws IllegalArgumentException when {@code name} is no host (the message says so)
   */
  public static String host(Inventory inventory, String name) {
    Host host = inventory.host(name).orElseThrow(() -> {
      String hint = DidYouMean.hint(name, inventory.hosts().stream().map(Host::name).toList());
      return new IllegalArgumentException("no host named \"" + name + "\" in the inventory"
          + (hint != null ? "; " + hint : ""));
    });
    return PythonJson.write(visibleVars(host), ref -> switch (ref) {
      case SecretRef.Vault vault -> Map.of("__ansible_vault", inventory.vaultText(vault));
      default -> "!secret " + ref.describe();
    });
  }

  /**
   * The YAML of {@code ansible-inventory --list --yaml}: the group tree from {@code all}, each
   * host under the groups that list it, with its variables ({@code !vault |} blocks for vault
   * values). Not byte-identical to Ansible's (no YAML anchors for repeated values).
   */
  public static String yaml(Inventory inventory) {
    StringBuilder out = new StringBuilder();
    yamlGroup(inventory, inventory.groups().get(InventoryGraph.ALL), 0, out);
    return out.toString().stripTrailing();
  }

  private static void yamlGroup(Inventory inventory, Group group, int depth, StringBuilder out) {
    String pad = "  ".repeat(depth);
    boolean hosts = !group.name().equals(InventoryGraph.ALL) && !group.hosts().isEmpty();
    if (!hosts && group.children().isEmpty()) {
      if (depth == 0) {
        out.append(pad).append(InventoryYaml.key(group.name())).append(": {}\n");
      }
      return; // empty groups are left out, as ansible-inventory --yaml does
    }
    out.append(pad).append(InventoryYaml.key(group.name())).append(":\n");
    if (!group.children().isEmpty()) {
      out.append(pad).append("  children:\n");
      for (String child : group.children().stream().sorted().toList()) {
        yamlGroup(inventory, inventory.groups().get(child), depth + 2, out);
      }
    }
    if (hosts) {
      out.append(pad).append("  hosts:\n");
      for (String h : group.hosts().stream().sorted().toList()) {
        Map<String, Object> vars = inventory.host(h).map(InventoryViews::visibleVars).orElse(Map.of());
        InventoryYaml.entry(h, vars, depth + 2, out, inventory);
      }
    }
  }

  private static Map<String, Object> visibleVars(Host host) {
    Map<String, Object> vars = new java.util.TreeMap<>(host.vars());
    vars.keySet().removeAll(INTERNAL);
    return vars;
  }

  private static void addGroup(Inventory inventory, Group group, Map<String, Object> out, Set<String> seen) {
    Map<String, Object> entry = new LinkedHashMap<>();
    if (!group.name().equals(InventoryGraph.ALL) && !group.hosts().isEmpty()) {
      entry.put("hosts", group.hosts());
    }
    if (!group.children().isEmpty()) {
      entry.put("children", group.children());
    }
    if (!entry.isEmpty()) {
      out.put(group.name(), entry);
    }
    for (String child : group.children()) {
      if (seen.add(child)) {
        addGroup(inventory, inventory.groups().get(child), out, seen);
      }
    }
  }

  /**
   * The text of {@code ansible-inventory --graph [GROUP]}: {@code @group:} lines, children before
   * hosts, each level indented by {@code "  |"}; a group under two parents appears under both.
   *
   * @throws IllegalArgumentException when {@code group} names no group (the message says so)
   */
  public static String graph(Inventory inventory, Optional<String> group) {
    String start = group.orElse(InventoryGraph.ALL);
    Group top = inventory.groups().get(start);
    if (top == null) {
      String hint = DidYouMean.hint(start, inventory.groups().keySet());
      throw new IllegalArgumentException("no group named \"" + start + "\" in the inventory"
          + (hint != null ? "; " + hint : "") + " (--graph takes a group name, not a pattern)");
    }
    List<String> lines = new ArrayList<>();
    graph(inventory, top, 0, lines);
    return String.join("\n", lines);
  }

  private static void graph(Inventory inventory, Group group, int depth, List<String> lines) {
    lines.add(line("@" + group.name() + ":", depth));
    for (String child : group.children()) {
      graph(inventory, inventory.groups().get(child), depth + 1, lines);
    }
    if (!group.name().equals(InventoryGraph.ALL)) {
      group.hosts().forEach(h -> lines.add(line(h, depth + 1)));
    }
  }

  private static String line(String name, int depth) {
    return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
  }
}
