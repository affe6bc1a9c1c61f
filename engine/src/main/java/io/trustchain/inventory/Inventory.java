package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded inventory: hosts in inventory order (the order they were first written), groups
 * (including the implicit {@code all} and {@code ungrouped}) and what Ansible's magic variables
 * say about each host. Build one with {@link InventoryLoader}.
 */
public final class Inventory {

  private final Path source;
  private final Map<String, Host> hosts;
  private final Map<String, Group> groups;
  private final Map<String, List<String>> groupHosts;
  private final Map<String, Path> hostFiles;
  private final Map<SecretRef.Vault, String> vaultTexts;

  Inventory(Path source, Map<String, Host> hosts, Map<String, Group> groups, Map<String, List<String>> groupHosts,
      Map<String, Path> hostFiles, Map<SecretRef.Vault, String> vaultTexts) {
    this.source = Objects.requireNonNull(source, "source == null");
    this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    this.groupHosts = Map.copyOf(groupHosts);
    this.hostFiles = Map.copyOf(hostFiles);
    this.vaultTexts = Map.copyOf(vaultTexts);
  }

  /** The file or directory this inventory was loaded from (absolute). */
  public Path source() {
    return source;
  }

  /** Every host, in inventory order. */
  public List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  /** Every group by name, in the order first written; {@code all} and {@code ungrouped} first. */
  public Map<String, Group> groups() {
    return groups;
  }

  public Optional<Group> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /** The hosts of {@code group} and of its children, in inventory order; empty for an unknown group. */
  public List<Host> hostsOf(String group) {
    List<Host> out = new ArrayList<>();
    groupHosts.getOrDefault(group, List.of()).forEach(n -> out.add(hosts.get(n)));
    return out;
  }

  /**
   * Ansible's magic variables for {@code host}: {@code inventory_hostname},
   * {@code inventory_hostname_short}, {@code group_names} (sorted, without {@code all}),
   * {@code groups} (every group → its host names), {@code inventory_dir} and
   * {@code inventory_file} (absolute paths of the file that first named the host).
   */
  public Map<String, Object> magicVars(Host host) {
    Objects.requireNonNull(host, "host == null");
    if (!hosts.containsKey(host.name())) {
      throw new IllegalArgumentException("host " + host.name() + " is not in this inventory");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("inventory_hostname", host.name());
    vars.put("inventory_hostname_short",
        HostRanges.isIpAddress(host.name()) ? host.name() : host.name().split("\\.", -1)[0]);
    vars.put("group_names", host.groups());
    Map<String, Object> groupsVar = new LinkedHashMap<>();
    groups.keySet().forEach(g -> groupsVar.put(g, groupHosts.getOrDefault(g, List.of())));
    vars.put("groups", Collections.unmodifiableMap(groupsVar));
    Path file = hostFiles.get(host.name());
    vars.put("inventory_dir", file.getParent().toString());
    vars.put("inventory_file", file.toString());
    return Collections.unmodifiableMap(vars);
  }

  /** The raw text of a {@code !vault} value, as {@code ansible-inventory --list} shows it. */
  String vaultText(SecretRef.Vault vault) {
    String raw = vaultTexts.get(vault);
    return raw != null ? raw : vault.envelope() + "\n";
  }

  @Override
  public String toString() {
    return source + " (" + hosts.size() + " hosts, " + groups.size() + " groups)";
  }
}
