package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab advance-days HOST N}: the Mac's clock moves N days on (deferrals and recovery keys age,
 * encryption finishes).
 */
@Command(name = "advance-days", description = "The simulated Mac's clock moves N days on.")
final class AdvanceDaysCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Parameters(index = "1", paramLabel = "N", description = "Whole days (0 or more).")
  String days;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("advance-days", days));
    return LabCommand.OK;
  }
}
