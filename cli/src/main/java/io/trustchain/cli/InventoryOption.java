package io.trustchain.cli;

import io.trustchain.config.AnsibleConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -i INVENTORY}, defaulting to ansible.cfg's {@code inventory} as Ansible does. */
public final class InventoryOption {

  @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
      description = "Inventory file or folder (Ansible YAML or INI). Default: ansible.cfg's inventory.")
  Path inventory;

  Path resolve(CliEnvironment environment, AnsibleConfig config) {
    if (inventory != null) {
      return environment.cwd().resolve(inventory);
    }
    return config.path("inventory").orElseThrow(() ->
        UserException.usage("no inventory: pass -i INVENTORY (or set inventory in ansible.cfg)"));
  }
}
