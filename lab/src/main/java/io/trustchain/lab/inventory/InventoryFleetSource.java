package io.trustchain.lab.inventory;

import io.trustchain.config.AnsibleConfig;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.inventory.Inventory;
import io.trustchain.lab.cli.LabFleetSource;
import io.trustchain.run.Load;
import io.trustchain.run.Target;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultPasswords;
import io.trustchain.spi.LabHost;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.template.JinjavaTemplater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lab hosts of an inventory, read exactly as {@code plan} reads them (the engine's Load stage):
 * the hosts with {@code trustchain_lab_scenario}, their ports, state folder, key and known_hosts.
 */
public final class InventoryFleetSource implements LabFleetSource {

  @Override
  public List<LabHost> hosts(Path inventory) throws InvalidDocumentsException, IOException {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    AnsibleConfig config = AnsibleConfig.find(env, cwd);
    AnsibleVault keyring;
    try {
      keyring = new AnsibleVault(VaultPasswords.of(List.of(), config.path("vault_password_file").stream().toList(), env));
    } catch (SecretException e) {
      throw new IOException(e.getMessage());
    }
    Load load = new Load(ModuleRegistry.of(Set.of()), new JinjavaTemplater(), env, cwd);
    Diagnostics diagnostics = new Diagnostics();
    Optional<Inventory> inv = load.inventory(inventory.toAbsolutePath(), keyring, diagnostics);
    Optional<List<Target>> targets = inv.flatMap(i -> load.hosts(i, Optional.empty(), diagnostics));
    diagnostics.throwIfErrors();
    List<LabHost> hosts = new ArrayList<>();
    targets.orElse(List.of()).forEach(t -> t.lab().ifPresent(hosts::add));
    return hosts;
  }
}
