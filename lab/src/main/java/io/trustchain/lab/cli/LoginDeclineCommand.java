package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab login-decline HOST USER}: A user logs in and declines the FileVault prompt (a forced login cannot be declined). Each declined login uses up one of the deferral's
 * {@code -forceatlogin} attempts; at 0 the login is forced and FileVault is turned on.
 */
@Command(name = "login-decline", description = "A user logs in and declines the FileVault prompt (a forced login cannot be declined).")
final class LoginDeclineCommand extends LabSubcommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "The lab host.")
  String host;

  @Parameters(index = "1", paramLabel = "USER", description = "The account.")
  String user;

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    out.println(lab.factory().open(host(host)).event("login-decline", user));
    return LabCommand.OK;
  }
}
