package io.trustchain.lab.macos;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.macos.scenario.ScenarioLoader;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated macOS: state, scenarios, tools and login-window events. {@link #open(LabHost)} validates the
 * scenario (once per file); the host's state is created from it by its first command ({@code
 * STATEDIR/HOST/state.json}), so that serving a thousand hosts does not mean writing a thousand states.
 */
public final class MacHostFactory implements SimulatedHostFactory {

  private final Map<Path, Scenario> scenarios = new ConcurrentHashMap<>();

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
    return new MacHost(name, scenario, stateDir, scenario(scenario, name).mayBeUnreachable());
  }

  /** The scenario file, checked once per version of it: every problem is reported before a host is served. */
  private Scenario scenario(Path file, String hostName) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    FileTime modified = Files.getLastModifiedTime(key);
    Scenario known = scenarios.get(key);
    if (known != null && known.modified().equals(modified)) {
      return known;
    }
    MacState state = ScenarioLoader.load(file, hostName);
    boolean unreachable = state.faults().network().stream().anyMatch(f -> f.toFault().kind() == NetworkFault.Kind.UNREACHABLE);
    Scenario checked = new Scenario(modified, unreachable);
    scenarios.put(key, checked);
    return checked;
  }

  /** What a valid scenario file declares that a server needs before any host's state is read. */
  private record Scenario(FileTime modified, boolean mayBeUnreachable) {}

}
