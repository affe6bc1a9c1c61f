package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.FileVaults;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.Deferral;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code fdesetup enable}: deferred ({@code -defer PATH [-forceatlogin N] [-dontaskatlogout]
 * [-showrecoverykey] [-user U]}, S39: silent) or immediate, with the credential from {@code -inputplist} or the
 * prompts (S34–S36). Immediate enablement prints {@code Recovery key = '…'} on stdout up to macOS 15 and
 * nothing on 26 (S35), or the output plist (S42 keys) with {@code -outputplist}. Preconditions per rule 5. An
 * input plist's {@code Certificate} (base64 DER, fdesetup(8)) installs an institutional recovery key;
 * {@code -norecoverykey} makes no personal one.
 */
final class FdesetupEnable {

  private final MacState state;

  FdesetupEnable(MacState state) {
    this.state = state;
  }

  int run(ProgramContext ctx, FdesetupArgs a) throws IOException {
    if (state.fileVault().status().active()) {
      ctx.stderr().print("Error: FileVault is already enabled.\n"); // I
      return 32;
    }
    if (a.option("defer").isPresent()) {
      return defer(ctx, a);
    }
    FdeCredentials creds;
    if (a.flag("inputplist")) {
      Optional<FdeCredentials> read = FdeCredentials.fromPlist(ctx);
      if (read.isEmpty()) {
        ctx.stderr().print(FdeCredentials.NO_PLIST + "\n");
        return 15;
      }
      creds = read.get();
    } else {
      creds = FdeCredentials.prompt(ctx, a.option("user").orElse(null));
    }
    Optional<Account> user = creds.account(state);
    if (user.isEmpty() || (user.get().secureToken() && !user.get().tokenPasswordMatches(creds.password()))) {
      ctx.stderr().print("Error: User authentication failed.\n"); // S37
      return 11;
    }
    Optional<FileVaults.Refusal> refusal = FileVaults.refusal(state, user.get(), false);
    if (refusal.isPresent()) {
      return refuse(ctx, refusal.get(), user.get());
    }
    Optional<Boolean> certificate = FdesetupRecovery.certificate(creds);
    if (certificate.isPresent() && !certificate.get()) {
      ctx.stderr().print(FdesetupRecovery.BAD_CERTIFICATE + "\n");
      return 15;
    }
    boolean personal = !a.flag("norecoverykey");
    String key = FileVaults.enable(state, user.get(), personal);
    if (certificate.isPresent()) {
      FileVaults.institutionalKeyAdded(state);
    }
    if (a.flag("outputplist")) {
      ctx.stdout().print(FileVaults.outputPlist(state, user.get().name(), key, false));
    } else if (key != null && !state.version().atLeast(26, 0)) {
      ctx.stdout().print("Recovery key = '" + key + "'\n"); // S34, S36
    }
    return 0;
  }

  private int refuse(ProgramContext ctx, FileVaults.Refusal refusal, Account user) {
    String message;
    int exit;
    switch (refusal) {
      case MANAGEMENT_SETTINGS -> {
        message = "Error: Unable to enable FileVault due to management settings."; // man table 31
        exit = 31;
      }
      case NO_RECOVERY_PARTITION -> {
        message = "Error: This computer does not support enabling FileVault: no recovery partition was found.";
        exit = 36;
      }
      case NOT_AUTHORIZED -> {
        message = "Error: FileVault enablement is not authorized. Since macOS 10.15 fdesetup enable needs Full Disk "
            + "Access for the calling application, SIP disabled, a DEP or user-approved MDM enrollment, or the "
            + "user's confirmation."; // fdesetup(8) AUTHORIZATION POLICY; wording I
        exit = 11;
      }
      case NOT_A_TOKEN_USER -> {
        message = "Error: User '" + user.name() + "' does not have a Secure Token and cannot enable FileVault."; // I
        exit = 11;
      }
      case BLANK_PASSWORDS -> {
        message = "Error: One or more users have a blank password. FileVault cannot be enabled."; // man table 37
        exit = 37;
      }
      default -> {
        message = "Error: FileVault is already enabled.";
        exit = 32;
      }
    }
    ctx.stderr().print(message + "\n");
    return exit;
  }

  /**
   * S39: no output. The deferral waits for {@code -user}, else the logged-in user, else whoever logs in next.
   * While one is active, another is refused: fdesetup(8) documents {@code disable} as the way to remove an active
   * deferral, and no verb changes one; the refusal's wording and exit (20, "Deferred configuration setup missing
   * or error") are I.
   */
  private int defer(ProgramContext ctx, FdesetupArgs a) {
    if (state.fileVault().deferral() != null) {
      ctx.stderr().print("Error: A deferred enablement is already active. Use 'fdesetup disable' to remove it.\n"); // I
      return 20;
    }
    String path = a.option("defer").orElseThrow();
    if (!path.startsWith("/")) {
      ctx.stderr().print("Error: The deferral output path must be a full path.\n"); // I
      return 12;
    }
    int force;
    try {
      force = a.option("forceatlogin").map(Integer::parseInt).orElse(-1);
    } catch (NumberFormatException e) {
      ctx.stderr().print("Error: -forceatlogin needs a number.\n"); // I
      return 12;
    }
    String user = a.option("user").orElse(state.loggedIn().isEmpty() ? "" : state.loggedIn().getLast());
    if (!user.isEmpty() && state.user(user).isEmpty()) {
      ctx.stderr().print("Error: Unable to find user record '" + user + "'.\n"); // I
      return 30;
    }
    state.fileVault().deferral(new Deferral(state.user(user).map(Account::name).orElse(""), path, force,
        a.flag("dontaskatlogout"), a.flag("showrecoverykey"), state.clock().nowMillis()));
    return 0;
  }
}
