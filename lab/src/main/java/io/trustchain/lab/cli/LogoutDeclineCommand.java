package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab logout-decline HOST USER}: a user logs out and declines the FileVault prompt that a deferral
 * without {@code -dontaskatlogout} shows at logout. Declining at logout does not use up a
 * {@code -forceatlogin} attempt.
 */
@Command(name = "logout-decline", description = "A user logs out and declines the FileVault prompt at logout.")
final class LogoutDeclineCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Parameters(index = "1", paramLabel = "USER", description = "The account.")
  String user;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("logout-decline", user));
    return LabCommand.OK;
  }
}
