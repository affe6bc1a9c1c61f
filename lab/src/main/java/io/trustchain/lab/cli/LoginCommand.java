package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab login HOST USER}: a user logs in at the Mac's login window (deferred FileVault, token grants). */
@Command(name = "login", description = "A user logs in at the simulated Mac's login window.")
final class LoginCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Parameters(index = "1", paramLabel = "USER", description = "The account that logs in.")
  String user;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("login", user));
    return LabCommand.OK;
  }
}
