package io.trustchain.inventory;

import io.trustchain.diag.SourceRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inventory host with its variables merged in Ansible's order (all, parent groups, child
 * groups, group_vars/, host, host_vars/) but not yet templated.
 *
 * @param vars merged variables; values as in {@link io.trustchain.template.Templater}
 * @param groups every group the host belongs to, directly or through children, without "all"
 * @param declaredAt where the host was first declared
 */
public record Host(String name, Map<String, Object> vars, List<String> groups, SourceRange declaredAt) {

  public Host {
    Objects.requireNonNull(name, "name == null");
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    groups = List.copyOf(groups);
  }

  @Override
  public String toString() {
    return name;
  }
}
