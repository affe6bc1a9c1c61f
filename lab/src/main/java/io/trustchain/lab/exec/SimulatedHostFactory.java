package io.trustchain.lab.exec;

import io.trustchain.spi.LabHost;
import java.io.IOException;

/** Opens simulated Macs (the macOS side of the lab implements it). */
public interface SimulatedHostFactory {

  /** The host's state under {@code host.stateDir()}, created from {@code host.scenario()} when missing. */
  SimulatedHost open(LabHost host) throws IOException;
}
