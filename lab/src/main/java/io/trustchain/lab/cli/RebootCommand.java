package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab reboot HOST}: the Mac restarts (pending FileVault work happens). */
@Command(name = "reboot", description = "The simulated Mac restarts.")
final class RebootCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("reboot", null));
    return LabCommand.OK;
  }
}
