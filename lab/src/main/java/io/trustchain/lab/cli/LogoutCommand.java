package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab logout HOST USER}: a user logs out of the Mac (FileVault's ask-at-logout). */
@Command(name = "logout", description = "A user logs out of the simulated Mac.")
final class LogoutCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Parameters(index = "1", paramLabel = "USER", description = "The account that logs out.")
  String user;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("logout", user));
    return LabCommand.OK;
  }
}
