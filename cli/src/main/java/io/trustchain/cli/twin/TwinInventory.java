package io.trustchain.cli.twin;

import io.trustchain.inventory.Group;
import io.trustchain.inventory.Host;
import io.trustchain.inventory.Inventory;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The twin's inventory: the real inventory's groups (so the playbooks' host patterns match) holding the twin
 * hosts, each a lab host on loopback with its scenario, and each host's own variables copied, except how to
 * reach it. Every secret is replaced by a generated one, {@code !vault}-encrypted with the twin's vault
 * password: the password of the account it is used for (from the documents and the connection's become
 * password), else a fresh value. Escrow goes to the twin's own store ({@code trustchain_escrow_path}).
 */
public final class TwinInventory {

  /** Variables that say how to reach a host or where its lab lives: the twin sets its own. */
  private static final Set<String> OWN = Set.of("ansible_host", "ansible_ssh_host", "ansible_port", "ansible_ssh_port",
      "ansible_connection", "ansible_private_key_file", "ansible_ssh_private_key_file", "ansible_ssh_common_args",
      "ansible_ssh_extra_args", "ansible_shell_executable", "ansible_timeout", "ansible_ssh_timeout");

  private final Inventory real;
  private final Secret vaultPassword;
  private final TwinSecrets secrets;
  private final List<String> warnings = new ArrayList<>();

  public TwinInventory(Inventory real, Secret vaultPassword, TwinSecrets secrets) {
    this.real = real;
    this.vaultPassword = vaultPassword;
    this.secrets = secrets;
  }

  /** Secrets that could not be replaced (nested in lists or maps): left out, with why. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * @param ports twin host → its port
   * @param accountOf per twin host: which account a secret reference is the password of
   * @param user per twin host: the account the engine logs in as
   */
  public String yaml(Map<String, Integer> ports, Map<String, Map<SecretRef, String>> accountOf,
      Map<String, String> user, Function<String, Map<String, Object>> magic) {
    StringBuilder y = new StringBuilder("""
        # The fleet's twin (trustchain lab twin): lab Macs that reproduce the gathered state. Passwords, keys and
        # every other secret are generated; rehearse here: trustchain plan|apply -i THIS_FILE PLAYBOOK
        all:
          vars:
            ansible_host: 127.0.0.1
            ansible_ssh_private_key_file: "{{ inventory_dir }}/lab/id_ed25519"
            ansible_ssh_common_args: "-o UserKnownHostsFile={{ inventory_dir }}/lab/known_hosts"
            trustchain_lab_state: "{{ inventory_dir }}/lab"
            trustchain_escrow_path: "{{ inventory_dir }}/escrow"
          hosts:
        """);
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      String name = e.getKey();
      Host host = real.host(name).orElseThrow();
      y.append("    ").append(TwinScenario.q(name)).append(":\n");
      y.append("      ansible_port: ").append(e.getValue()).append('\n');
      y.append("      ansible_user: ").append(TwinScenario.q(user.get(name))).append('\n');
      y.append("      trustchain_lab_scenario: \"{{ inventory_dir }}/scenarios/").append(name).append(".yml\"\n");
      Set<String> magicNames = magic.apply(name).keySet();
      for (Map.Entry<String, Object> v : new LinkedHashMap<>(host.vars()).entrySet()) {
        String key = v.getKey();
        if (OWN.contains(key) || key.equals("ansible_user") || key.equals("ansible_ssh_user")
            || key.startsWith("trustchain_lab_") || key.equals("trustchain_known_hosts_file")
            || key.equals("trustchain_escrow_path") || magicNames.contains(key)) {
          continue;
        }
        value(y, name, key, v.getValue(), accountOf.getOrDefault(name, Map.of()));
      }
    }
    List<String> groups = real.groups().keySet().stream().filter(g -> !g.equals("all") && !g.equals("ungrouped"))
        .toList();
    if (!groups.isEmpty()) {
      y.append("  children:\n");
      for (String g : groups) {
        Group group = real.groups().get(g);
        y.append("    ").append(TwinScenario.q(g)).append(":\n");
        List<String> hosts = group.hosts().stream().filter(ports::containsKey).toList();
        y.append("      hosts: {").append(String.join(", ", hosts.stream().map(h -> TwinScenario.q(h) + ": {}")
            .toList())).append("}\n");
        if (!group.children().isEmpty()) {
          y.append("      children: {").append(String.join(", ", group.children().stream()
              .map(c -> TwinScenario.q(c) + ": {}").toList())).append("}\n");
        }
      }
    }
    return y.toString();
  }

  private void value(StringBuilder y, String host, String key, Object value, Map<SecretRef, String> accountOf) {
    if (value instanceof SecretRef ref) {
      String account = accountOf.get(ref);
      String generated = account != null ? secrets.password(account) : secrets.fresh();
      y.append("      ").append(key).append(": !vault |\n");
      for (String line : AnsibleVault.encrypt(generated.getBytes(StandardCharsets.UTF_8), vaultPassword, null)
          .split("\n")) {
        y.append("        ").append(line).append('\n');
      }
    } else if (mentionsSecret(value)) {
      warnings.add(host + ": " + key + " holds a secret inside a list or mapping; the twin leaves it out");
    } else {
      y.append("      ").append(key).append(": ").append(json(value)).append('\n');
    }
  }

  private static boolean mentionsSecret(Object value) {
    return switch (value) {
      case SecretRef r -> true;
      case Map<?, ?> m -> m.values().stream().anyMatch(TwinInventory::mentionsSecret);
      case List<?> l -> l.stream().anyMatch(TwinInventory::mentionsSecret);
      case null, default -> false;
    };
  }

  /** A value as JSON, which YAML reads as the same value. */
  private static String json(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> TwinScenario.q(s);
      case Boolean b -> b.toString();
      case Number n -> n.toString();
      case Map<?, ?> m -> "{" + String.join(", ", m.entrySet().stream()
          .map(e -> TwinScenario.q(String.valueOf(e.getKey())) + ": " + json(e.getValue())).toList()) + "}";
      case List<?> l -> "[" + String.join(", ", l.stream().map(TwinInventory::json).toList()) + "]";
      default -> TwinScenario.q(value.toString());
    };
  }
}
