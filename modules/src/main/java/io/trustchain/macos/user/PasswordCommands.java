package io.trustchain.macos.user;

import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import java.util.List;

/**
 * The command lines of a managed password: the reset through the management credential, the root reset of an
 * account without a token, and the check that the Mac accepts the new password (sysadminctl exits 0 even when it
 * refuses: rule 2, S11). Passwords go to sysadminctl's prompts on stdin ({@code -newPassword -}, {@code
 * -adminPassword -}: "Pass '-' instead of password … preferred for security reasons", S21/S22), the
 * authorising admin's first.
 */
final class PasswordCommands {

  private PasswordCommands() {}

  /**
   * {@code sysadminctl -resetPasswordFor U -newPassword - -adminUser C -adminPassword -}: the credential (an admin
   * holding a Secure Token) unlocks U's token, so its token and FileVault unlock follow the new password (rule 4).
   */
  static Command reset(String user, SecretRef newPassword, Credential credential) {
    return Command.of("sysadminctl", "-resetPasswordFor", user, "-newPassword", "-", "-adminUser", credential.user(),
        "-adminPassword", "-").withStdin(List.of(Arg.secret(credential.password()), Arg.literal("\n"),
        Arg.secret(newPassword), Arg.literal("\n")));
  }

  /** As root, without the old password: only for an account without a Secure Token (nothing to keep in step). */
  static Command rootReset(String user, SecretRef newPassword) {
    return UserCommands.setPassword(user, newPassword);
  }

  /** Exits non-zero when the Mac refuses {@code password} for {@code user} (S76b: exit 10), stopping the change. */
  static Command verify(String user, SecretRef password) {
    return Command.of("dscl", ".", "-authonly", user).withSecret(password);
  }
}
