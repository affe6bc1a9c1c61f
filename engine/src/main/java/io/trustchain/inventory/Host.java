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
 * @param varsAt where each variable's winning value was written (an inventory or vars file)
 */
public record Host(String name, Map<String, Object> vars, List<String> groups, SourceRange declaredAt,
    Map<String, SourceRange> varsAt) {

  public Host {
    Objects.requireNonNull(name, "name == null");
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    groups = List.copyOf(groups);
    varsAt = Map.copyOf(varsAt);
  }

  /** A host whose variables' positions are not known. */
  public Host(String name, Map<String, Object> vars, List<String> groups, SourceRange declaredAt) {
    this(name, vars, groups, declaredAt, Map.of());
  }

  /** Where the value of {@code variable} that won the merge was written, when known. */
  public java.util.Optional<SourceRange> varAt(String variable) {
    return java.util.Optional.ofNullable(varsAt.get(variable));
  }

  @Override
  public String toString() {
    return name;
  }
}
