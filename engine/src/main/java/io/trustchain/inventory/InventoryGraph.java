package io.trustchain.inventory;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The inventory while it is being read: groups and hosts in the order they were first named, with
 * the relations and variables Ansible's {@code InventoryData} would hold. Parsers add to it;
 * {@link InventoryAssembler} turns it into an {@link Inventory}.
 */
final class InventoryGraph {

  static final String ALL = "all";
  static final String UNGROUPED = "ungrouped";
  static final String PRIORITY_VAR = "ansible_group_priority";

  final Map<String, GroupNode> groups = new LinkedHashMap<>();
  final Map<String, HostNode> hosts = new LinkedHashMap<>();

  InventoryGraph() {
    GroupNode all = group(ALL, null);
    GroupNode ungrouped = group(UNGROUPED, null);
    all.children.add(ungrouped);
    ungrouped.parents.add(all);
  }

  /** The group called {@code name}, created (declared at {@code at}) when new. */
  GroupNode group(String name, SourceRange at) {
    return groups.computeIfAbsent(name, n -> new GroupNode(n, at));
  }

  /**
   * The host called {@code name}, created when new. Like Ansible, a port written with the host
   * ({@code mac01:2222}) becomes {@code ansible_port} only where the host is first named.
   */
  HostNode host(String name, Path file, SourceRange at, Integer port) {
    HostNode existing = hosts.get(name);
    if (existing != null) {
      return existing;
    }
    HostNode created = new HostNode(name, file, at);
    if (port != null && port != 0) {
      created.vars.put("ansible_port", port.longValue());
      created.varsAt.put("ansible_port", at);
    }
    hosts.put(name, created);
    return created;
  }

  void addHost(GroupNode group, HostNode host) {
    if (!group.hosts.contains(host)) {
      group.hosts.add(host);
      host.groups.add(group);
    }
  }

  void removeHost(GroupNode group, HostNode host) {
    group.hosts.remove(host);
    host.groups.remove(group);
  }

  /**
   * Makes {@code child} a child of {@code parent}; refuses (with an error at {@code at}) when that
   * would make a cycle.
   */
  boolean addChild(GroupNode parent, GroupNode child, SourceRange at, Diagnostics diagnostics) {
    if (parent.children.contains(child)) {
      return false;
    }
    List<GroupNode> path = pathDown(child, parent);
    if (path != null) {
      List<String> names = new ArrayList<>();
      path.forEach(g -> names.add(g.name));
      names.add(child.name);
      String message = parent == child
          ? "group \"" + child.name + "\" cannot be a child of itself"
          : "group \"" + child.name + "\" cannot be a child of \"" + parent.name
              + "\": that makes a cycle (" + String.join(" > ", names) + ")";
      diagnostics.error(at, message, "remove one of the groups from the other's children");
      return false;
    }
    parent.children.add(child);
    child.parents.add(parent);
    return true;
  }

  /**
   * Sets a group variable as an inventory source does: {@code ansible_group_priority} is not a
   * variable but the group's priority (a whole number).
   */
  void setGroupVar(GroupNode group, String key, Object value, SourceRange at, Diagnostics diagnostics) {
    if (!PRIORITY_VAR.equals(key)) {
      group.vars.put(key, value);
      if (at != null) {
        group.varsAt.put(key, at);
      }
      return;
    }
    Integer priority = switch (value) {
      case Long l -> (int) l.longValue();
      case Integer i -> i;
      case Double d -> (int) d.doubleValue();
      case Boolean b -> b ? 1 : 0;
      case String s when s.strip().matches("[-+]?[0-9]+") -> Integer.valueOf(s.strip().replace("+", ""));
      default -> null;
    };
    if (priority == null) {
      diagnostics.error(at, PRIORITY_VAR + " of group \"" + group.name + "\" must be a whole number, got "
          + PythonJson.describe(value), "write a number such as " + PRIORITY_VAR + ": 10");
      return;
    }
    group.priority = priority;
  }

  /** A path from {@code from} down to {@code to} through children, or null when none. */
  private static List<GroupNode> pathDown(GroupNode from, GroupNode to) {
    Map<GroupNode, GroupNode> cameFrom = new LinkedHashMap<>();
    Deque<GroupNode> queue = new ArrayDeque<>();
    queue.add(from);
    cameFrom.put(from, null);
    while (!queue.isEmpty()) {
      GroupNode g = queue.poll();
      if (g == to) {
        List<GroupNode> path = new ArrayList<>();
        for (GroupNode at = g; at != null; at = cameFrom.get(at)) {
          path.add(0, at);
        }
        return path;
      }
      for (GroupNode c : g.children) {
        if (!cameFrom.containsKey(c)) {
          cameFrom.put(c, g);
          queue.add(c);
        }
      }
    }
    return null;
  }

  /** Every group above {@code group}, nearest first. */
  static Set<GroupNode> ancestors(GroupNode group) {
    Set<GroupNode> seen = new LinkedHashSet<>();
    Deque<GroupNode> queue = new ArrayDeque<>(group.parents);
    while (!queue.isEmpty()) {
      GroupNode g = queue.poll();
      if (seen.add(g)) {
        queue.addAll(g.parents);
      }
    }
    return seen;
  }

  /** The groups a host is in, directly or through children (Ansible's {@code host.get_groups()}). */
  static Set<GroupNode> memberships(HostNode host) {
    Set<GroupNode> all = new LinkedHashSet<>();
    for (GroupNode g : host.groups) {
      all.addAll(ancestors(g));
      all.add(g);
    }
    return all;
  }

  /** A group as it is being read. */
  static final class GroupNode {
    final String name;
    final SourceRange declaredAt;
    final List<HostNode> hosts = new ArrayList<>();
    final List<GroupNode> children = new ArrayList<>();
    final List<GroupNode> parents = new ArrayList<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    final Map<String, SourceRange> varsAt = new java.util.HashMap<>();
    int priority = 1;

    GroupNode(String name, SourceRange declaredAt) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.declaredAt = declaredAt;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A host as it is being read. */
  static final class HostNode {
    final String name;
    final Path file;
    final SourceRange declaredAt;
    final Map<String, Object> vars = new LinkedHashMap<>();
    final Map<String, SourceRange> varsAt = new java.util.HashMap<>();
    final List<GroupNode> groups = new ArrayList<>();

    HostNode(String name, Path file, SourceRange declaredAt) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.file = Objects.requireNonNull(file, "file == null");
      this.declaredAt = Objects.requireNonNull(declaredAt, "declaredAt == null");
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
