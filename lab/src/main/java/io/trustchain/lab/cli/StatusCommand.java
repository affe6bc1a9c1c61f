package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.lab.server.LabEndpoint;
import io.trustchain.lab.server.LabServeLock;
import io.trustchain.lab.server.ServedFleet;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code lab status}: each lab host, its address, whether {@code lab serve} serves it, and its scenario. */
@Command(name = "status", description = "Show each lab host: its address, whether lab serve serves it, and its scenario.")
final class StatusCommand extends LabSubcommand {

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    List<LabHost> hosts = hosts();
    Map<Path, Optional<ServedFleet>> fleets = new HashMap<>();
    int width = hosts.stream().mapToInt(h -> h.name().length()).max().orElse(4);
    for (LabHost h : hosts) {
      Optional<ServedFleet> fleet = fleets.get(h.stateDir());
      if (fleet == null) {
        fleet = LabServeLock.running(h.stateDir());
        fleets.put(h.stateDir(), fleet);
      }
      String address = new LabEndpoint(h, h.port()).hostPort();
      String served = fleet.flatMap(f -> f.host(h.name()).map(e -> "served by lab serve"
              + (f.pid() > 0 ? " (pid " + f.pid() + ")" : "")))
          .orElse("not served");
      out.println(String.format("%-" + width + "s  %-21s  %-30s  scenario %s", h.name(), address, served, h.scenario()));
    }
    return LabCommand.OK;
  }
}
