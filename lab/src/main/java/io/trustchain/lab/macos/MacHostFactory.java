package io.trustchain.lab.macos;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.macos.scenario.ScenarioLoader;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The simulated macOS: state, scenarios, tools and login-window events. {@link #open(LabHost)} validates the
 * scenario and creates the host's state from it the first time ({@code STATEDIR/HOST/state.json}).
 */
public final class MacHostFactory implements SimulatedHostFactory {

  @Override
  public SimulatedHost open(LabHost host) throws IOException {
    Objects.requireNonNull(host, "host == null");
    return open(host.name(), host.scenario(), host.stateDir());
  }

  /** The same, without an inventory's {@link LabHost} (tests, tools). */
  public SimulatedHost open(String name, Path scenario, Path stateDir) throws IOException {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(scenario, "scenario == null");
    Objects.requireNonNull(stateDir, "stateDir == null");
    if (!Files.isRegularFile(scenario)) {
      throw new IOException("scenario file not found for lab host " + name + ": " + scenario);
    }
    MacHost mac = new MacHost(name, scenario, stateDir);
    if (!Files.exists(mac.stateFile())) {
      ScenarioLoader.load(scenario, name); // reports every problem of the scenario before serving it
      mac.ensureState();
    }
    return mac;
  }
}
