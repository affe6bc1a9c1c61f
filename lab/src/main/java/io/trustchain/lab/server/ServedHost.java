package io.trustchain.lab.server;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.spi.LabHost;
import java.nio.file.Path;
import java.util.Set;

/**
 * One host behind the lab's SSH server: its simulated Mac, its host key, and the client keys it
 * accepts (its own client key; more in {@code stateDir/authorized_keys}).
 */
record ServedHost(LabHost lab, SimulatedHost mac, HostKey hostKey, Set<String> clientKeys, Path authorizedKeys) {

  ServedHost {
    clientKeys = Set.copyOf(clientKeys);
  }

  String name() {
    return lab.name();
  }
}
