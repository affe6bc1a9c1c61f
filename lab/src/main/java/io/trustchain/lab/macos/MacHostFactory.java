package io.trustchain.lab.macos;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.spi.LabHost;
import java.io.IOException;

/** The simulated macOS: state, scenarios, tools and login-window events. */
public final class MacHostFactory implements SimulatedHostFactory {

  @Override
  public SimulatedHost open(LabHost host) throws IOException {
    throw new UnsupportedOperationException("not built yet");
  }
}
