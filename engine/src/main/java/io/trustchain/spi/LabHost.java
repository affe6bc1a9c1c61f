package io.trustchain.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One simulated Mac named by an inventory (a host with {@code trustchain_lab_scenario}).
 *
 * @param scenario the scenario file that sets its starting state
 * @param stateDir the fleet's state directory ({@code trustchain_lab_state}); this host's state,
 *     host keys and serve lock live under it
 * @param knownHostsFile where the lab writes its host keys ({@code [127.0.0.1]:port key})
 * @param clientKeyFile the private key the engine uses; the lab creates it (and its {@code .pub})
 *     when missing and authorizes it
 * @param sshUser the account the engine logs in as
 */
public record LabHost(
    String name, String bindAddress, int port, Path scenario, Path stateDir, Path knownHostsFile,
    Path clientKeyFile, String sshUser) {

  public LabHost {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(bindAddress, "bindAddress == null");
    Objects.requireNonNull(scenario, "scenario == null");
    Objects.requireNonNull(stateDir, "stateDir == null");
    Objects.requireNonNull(knownHostsFile, "knownHostsFile == null");
    Objects.requireNonNull(clientKeyFile, "clientKeyFile == null");
    Objects.requireNonNull(sshUser, "sshUser == null");
  }
}
