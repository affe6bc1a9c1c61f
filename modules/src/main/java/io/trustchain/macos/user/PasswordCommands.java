package io.trustchain.macos.user;

import io.trustchain.facts.PasswordCheck;
import io.trustchain.macos.passwords.Sysadminctl;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.transport.Command;

/**
 * The command lines of a managed password: the reset through the management credential, the root reset of an
 * account without a token, and the check that the Mac accepts the new password (sysadminctl exits 0 even when it
 * refuses: rule 2, S11). No password is ever on a command line: sysadminctl's {@code -} prompts are answered on
 * stdin ({@link Sysadminctl}), and the check and the root reset read the password from stdin ({@link
 * PasswordCheck}).
 */
final class PasswordCommands {

  private PasswordCommands() {}

  /**
   * {@code sysadminctl -resetPasswordFor U -newPassword - -adminUser C -adminPassword -}: the credential (an admin
   * holding a Secure Token) unlocks U's token, so its token and FileVault unlock follow the new password (rule 4).
   */
  static Command reset(String user, SecretRef newPassword, Credential credential) {
    return Sysadminctl.call("-resetPasswordFor", user).password("-newPassword", newPassword).admin(credential)
        .command();
  }

  /** As root, without the old password: only for an account without a Secure Token (nothing to keep in step). */
  static Command rootReset(String user, SecretRef newPassword) {
    return UserCommands.setPassword(user, newPassword);
  }

  /** Exits non-zero when the Mac refuses {@code password} for {@code user}, stopping the change there. */
  static Command verify(String user, SecretRef password) {
    return PasswordCheck.verify(user, password);
  }
}
