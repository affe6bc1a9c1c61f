package io.trustchain.lab.server;

import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.macos.MacHostFactory;
import io.trustchain.spi.LabHost;
import io.trustchain.spi.LabProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lab for a run against a lab inventory: serves the hosts in this process, except those a
 * running {@code lab serve} of the same state directory already serves (their keys and known_hosts
 * entries are still made ready). Found with {@link java.util.ServiceLoader}.
 */
public final class InProcessLabProvider implements LabProvider {

  private final SimulatedHostFactory factory;

  /** The simulated macOS ({@link MacHostFactory}). */
  public InProcessLabProvider() {
    this(new MacHostFactory());
  }

  public InProcessLabProvider(SimulatedHostFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
  }

  @Override
  public AutoCloseable serve(List<LabHost> hosts) throws IOException {
    Map<Path, Served> fleets = new HashMap<>();
    List<LabHost> ours = new ArrayList<>();
    List<LabEndpoint> theirs = new ArrayList<>();
    for (LabHost h : hosts) {
      Served fleet = fleets.get(h.stateDir());
      if (fleet == null) {
        fleet = Served.of(LabServeLock.running(h.stateDir()));
        fleets.put(h.stateDir(), fleet);
      }
      ServedFleet.Entry served = fleet.byName().get(h.name());
      if (served != null && (h.port() == 0 || served.port() == h.port())) {
        theirs.add(new LabEndpoint(h, served.port()));
        continue;
      }
      ServedFleet.Entry other = h.port() == 0 ? null : fleet.byPort().get(h.port());
      if (other != null) {
        throw new IOException("port " + h.port() + " for lab host " + h.name() + " is served by lab serve as host "
            + other.name() + "; stop it or change ansible_port");
      }
      ours.add(h);
    }
    LabServer.trustServedElsewhere(theirs);
    LabServer server = ours.isEmpty() ? null : LabServer.start(ours, factory);
    return new Handle(server, theirs);
  }

  /** What a running lab serve serves, by host name and by port (none running: nothing). */
  private record Served(Map<String, ServedFleet.Entry> byName, Map<Integer, ServedFleet.Entry> byPort) {
    static Served of(Optional<ServedFleet> fleet) {
      Map<String, ServedFleet.Entry> names = new HashMap<>();
      Map<Integer, ServedFleet.Entry> ports = new HashMap<>();
      for (ServedFleet.Entry e : fleet.map(ServedFleet::hosts).orElse(List.of())) {
        names.putIfAbsent(e.name(), e);
        ports.putIfAbsent(e.port(), e);
      }
      return new Served(names, ports);
    }
  }


  /** Stops what this provider started; hosts left to {@code lab serve} keep running. */
  private record Handle(LabServer server, List<LabEndpoint> leftToLabServe) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }

    @Override
    public String toString() {
      return "in-process lab " + (server == null ? "[]" : server.endpoints()) + ", served by lab serve " + leftToLabServe;
    }
  }
}
