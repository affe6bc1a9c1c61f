package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab reset [HOST]}: forgets a host's state (all hosts' without HOST); it starts again from its scenario. */
@Command(name = "reset", description = "Forget the state of one lab host (or of all), so it starts again from its scenario.")
final class ResetCommand extends LabSubcommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "HOST", description = "The lab host (default: all).")
  String host;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    List<LabHost> targets = host == null ? hosts() : List.of(host(host));
    for (LabHost h : targets) {
      lab.factory().open(h).reset();
      out.println(h.name() + ": reset; it starts again from " + h.scenario());
    }
    return LabCommand.OK;
  }
}
