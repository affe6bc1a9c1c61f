package io.trustchain.inventory;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.inventory.InventoryGraph.GroupNode;
import io.trustchain.inventory.InventoryGraph.HostNode;
import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes a graph as Ansible does after parsing (every top-level group goes under {@code all};
 * {@code ungrouped} holds exactly the hosts in no other group) and merges each host's variables in
 * Ansible's order, lowest first:
 *
 * <ol>
 *   <li>{@code all}'s inventory vars;
 *   <li>the inventory vars of the host's other groups, sorted by depth below {@code all}, then
 *       {@code ansible_group_priority}, then name;
 *   <li>{@code group_vars/all};
 *   <li>{@code group_vars/GROUP} for those groups in the same order;
 *   <li>the host's inventory vars;
 *   <li>{@code host_vars/HOST}.
 * </ol>
 *
 * Each step replaces whole top-level values (Ansible's default {@code hash_behaviour=replace}).
 */
final class InventoryAssembler {

  private InventoryAssembler() {}

  static Inventory assemble(Path source, InventoryGraph graph, VarsFiles varsFiles, Diagnostics diagnostics,
      Map<SecretRef.Vault, String> vaultTexts) {
    reconcile(graph, diagnostics);
    Map<GroupNode, Integer> depth = depths(graph);
    Map<String, Map<String, Object>> groupFiles = varsFiles.groupVars(graph.groups.keySet());
    Map<String, Map<String, Object>> hostFiles = varsFiles.hostVars(graph.hosts.keySet());
    Comparator<GroupNode> precedence = Comparator.comparingInt((GroupNode g) -> depth.get(g))
        .thenComparingInt(g -> g.priority)
        .thenComparing(g -> g.name, PythonJson.CODE_POINT_ORDER);
    GroupNode all = graph.groups.get(InventoryGraph.ALL);

    Map<String, Integer> order = new HashMap<>();
    Map<String, Host> hosts = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (HostNode h : graph.hosts.values()) {
      order.put(h.name, order.size());
      List<GroupNode> groups = new ArrayList<>(InventoryGraph.memberships(h));
      groups.remove(all);
      groups.sort(precedence);
      Map<String, Object> vars = new LinkedHashMap<>(all.vars);
      Map<String, SourceRange> at = new HashMap<>(all.varsAt);
      for (GroupNode g : groups) {
        vars.putAll(g.vars);
        place(at, g.vars.keySet(), g.varsAt);
      }
      Map<String, Object> allFile = groupFiles.getOrDefault(InventoryGraph.ALL, Map.of());
      vars.putAll(allFile);
      place(at, allFile.keySet(), varsFiles.positions("group_vars", InventoryGraph.ALL));
      for (GroupNode g : groups) {
        Map<String, Object> file = groupFiles.getOrDefault(g.name, Map.of());
        vars.putAll(file);
        place(at, file.keySet(), varsFiles.positions("group_vars", g.name));
      }
      vars.putAll(h.vars);
      place(at, h.vars.keySet(), h.varsAt);
      Map<String, Object> hostFile = hostFiles.getOrDefault(h.name, Map.of());
      vars.putAll(hostFile);
      place(at, hostFile.keySet(), varsFiles.positions("host_vars", h.name));
      List<String> names = new ArrayList<>(groups.stream().map(g -> g.name).toList());
      names.sort(PythonJson.CODE_POINT_ORDER);
      hosts.put(h.name, new Host(h.name, vars, names, h.declaredAt, at));
      files.put(h.name, h.file);
    }

    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, List<String>> groupHosts = new HashMap<>();
    for (GroupNode g : graph.groups.values()) {
      groups.put(g.name, new Group(g.name, g.hosts.stream().map(h -> h.name).toList(),
          g.children.stream().map(c -> c.name).toList(), g.vars, depth.get(g), g.priority));
      Set<String> members = new LinkedHashSet<>();
      collectHosts(g, members, new LinkedHashSet<>());
      List<String> sorted = new ArrayList<>(members);
      sorted.sort(Comparator.comparing(order::get));
      groupHosts.put(g.name, List.copyOf(sorted));
    }
    return new Inventory(source, hosts, groups, groupHosts, files, vaultTexts);
  }

  /** The variables {@code keys} now come from a source whose positions are {@code from} (unknown ones forgotten). */
  private static void place(Map<String, SourceRange> at, java.util.Set<String> keys, Map<String, SourceRange> from) {
    for (String key : keys) {
      SourceRange where = from.get(key);
      if (where == null) {
        at.remove(key);
      } else {
        at.put(key, where);
      }
    }
  }

  /** Ansible's {@code reconcile_inventory}: parentless groups go under all; ungrouped is fixed up. */
  static void reconcile(InventoryGraph graph, Diagnostics diagnostics) {
    GroupNode all = graph.groups.get(InventoryGraph.ALL);
    GroupNode ungrouped = graph.groups.get(InventoryGraph.UNGROUPED);
    for (GroupNode g : List.copyOf(graph.groups.values())) {
      if (g != all && InventoryGraph.ancestors(g).isEmpty()) {
        graph.addChild(all, g, g.declaredAt, diagnostics);
      }
    }
    for (HostNode h : graph.hosts.values()) {
      Set<GroupNode> mine = InventoryGraph.memberships(h);
      if (mine.contains(ungrouped)) {
        Set<GroupNode> others = new LinkedHashSet<>(mine);
        others.remove(all);
        others.remove(ungrouped);
        if (!others.isEmpty()) {
          graph.removeHost(ungrouped, h);
        }
      } else if (mine.isEmpty() || (mine.size() == 1 && mine.contains(all))) {
        graph.addHost(ungrouped, h);
      }
      if (graph.groups.containsKey(h.name)) {
        diagnostics.warning(h.declaredAt, "\"" + h.name + "\" names both a host and a group; the pattern \""
            + h.name + "\" selects only the host");
      }
    }
  }

  /** Each group's depth: the longest chain of parents up to {@code all} (which is 0). */
  private static Map<GroupNode, Integer> depths(InventoryGraph graph) {
    Map<GroupNode, Integer> depth = new HashMap<>();
    for (GroupNode g : graph.groups.values()) {
      depth(g, depth, new LinkedHashSet<>());
    }
    return depth;
  }

  private static int depth(GroupNode g, Map<GroupNode, Integer> memo, Set<GroupNode> visiting) {
    Integer known = memo.get(g);
    if (known != null) {
      return known;
    }
    int d = 0;
    if (visiting.add(g)) {
      for (GroupNode parent : g.parents) {
        d = Math.max(d, depth(parent, memo, visiting) + 1);
      }
      visiting.remove(g);
    }
    memo.put(g, d);
    return d;
  }

  private static void collectHosts(GroupNode g, Set<String> out, Set<GroupNode> seen) {
    if (!seen.add(g)) {
      return;
    }
    g.hosts.forEach(h -> out.add(h.name));
    g.children.forEach(c -> collectHosts(c, out, seen));
  }
}
