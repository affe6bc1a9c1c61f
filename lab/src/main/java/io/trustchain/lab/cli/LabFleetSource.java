package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The lab hosts an inventory names (its hosts with {@code trustchain_lab_scenario}), for {@code lab
 * serve -i INVENTORY} and the other {@code lab} commands. The engine's inventory loader provides it:
 * pass it to {@link LabCommand#LabCommand(io.trustchain.lab.exec.SimulatedHostFactory, LabFleetSource)},
 * or register it with {@link java.util.ServiceLoader}.
 */
public interface LabFleetSource {

  /** The inventory's lab hosts; its problems as diagnostics. */
  List<LabHost> hosts(Path inventory) throws InvalidDocumentsException, IOException;
}
