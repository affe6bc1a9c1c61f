package io.trustchain.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inventory group as Ansible holds it: its own hosts and child groups in the order they were
 * written, the variables its inventory file gives it (untemplated; group_vars/ files are merged
 * into each host's variables instead), its depth below {@code all} and its
 * {@code ansible_group_priority}.
 *
 * @param hosts hosts written directly in this group, not those of its children
 */
public record Group(String name, List<String> hosts, List<String> children, Map<String, Object> vars,
    int depth, int priority) {

  public Group {
    Objects.requireNonNull(name, "name == null");
    hosts = List.copyOf(hosts);
    children = List.copyOf(children);
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }

  @Override
  public String toString() {
    return name;
  }
}
