package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the lab hosts come from: an inventory ({@code -i}, default {@code inventory/lab.yml}), or a
 * standalone fleet file ({@code --fleet}) with its state directory, known_hosts file and client key.
 */
final class FleetOptions {

  static final Path DEFAULT_INVENTORY = Path.of("inventory", "lab.yml");

  @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
      description = "The inventory whose lab hosts to use (default: inventory/lab.yml).")
  Path inventory;

  @Option(names = "--fleet", paramLabel = "FILE",
      description = "A standalone fleet file (a YAML list of name, port, scenario, ssh_user) instead of an inventory.")
  Path fleet;

  @Option(names = "--state", paramLabel = "DIR",
      description = "With --fleet: the state directory (default: .lab-state beside the fleet file).")
  Path state;

  @Option(names = "--known-hosts", paramLabel = "FILE",
      description = "With --fleet: the known_hosts file the lab writes (default: DIR/known_hosts).")
  Path knownHosts;

  @Option(names = "--client-key", paramLabel = "FILE",
      description = "With --fleet: the client private key, created when missing (default: DIR/id_ed25519).")
  Path clientKey;

  /** The hosts, from the fleet file or through {@code source} from the inventory. */
  List<LabHost> hosts(LabFleetSource source) throws LabCliException, InvalidDocumentsException, IOException {
    if (fleet != null) {
      if (inventory != null) {
        throw LabCliException.usage("-i and --fleet cannot be used together", "pick the inventory or the fleet file");
      }
      if (!Files.isRegularFile(fleet)) {
        throw LabCliException.usage("fleet file " + fleet + " does not exist", null);
      }
      Path dir = state != null ? state : fleet.toAbsolutePath().getParent().resolve(".lab-state");
      return FleetFile.load(fleet, dir, knownHosts != null ? knownHosts : dir.resolve("known_hosts"),
          clientKey != null ? clientKey : dir.resolve("id_ed25519"));
    }
    if (state != null || knownHosts != null || clientKey != null) {
      throw LabCliException.usage("--state, --known-hosts and --client-key go with --fleet",
          "with an inventory they come from its trustchain_lab_state, trustchain_known_hosts_file and"
              + " ansible_ssh_private_key_file variables");
    }
    Path file = inventory != null ? inventory : DEFAULT_INVENTORY;
    if (source == null) {
      throw LabCliException.usage("reading lab hosts from an inventory needs the engine's inventory loader,"
          + " which this build does not include", "use --fleet FILE");
    }
    if (!Files.exists(file)) {
      throw LabCliException.usage("inventory " + file + " does not exist",
          inventory == null ? "pass -i INVENTORY, or --fleet FILE" : null);
    }
    List<LabHost> hosts = source.hosts(file);
    if (hosts.isEmpty()) {
      throw LabCliException.usage("inventory " + file + " has no lab hosts",
          "a lab host has the variable trustchain_lab_scenario");
    }
    return hosts;
  }

  /** The file the hosts come from, for messages. */
  String origin() {
    return String.valueOf(fleet != null ? fleet : inventory != null ? inventory : DEFAULT_INVENTORY);
  }
}
