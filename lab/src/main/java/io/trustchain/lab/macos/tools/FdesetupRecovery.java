package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.FileVaults;
import io.trustchain.lab.macos.rules.RecoveryKeys;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fdesetup changerecovery -personal} (S37: {@code New personal recovery key = '…'}; exactly one valid key
 * afterwards), {@code changerecovery -institutional -inputplist} (the plist's {@code Certificate}; silent, I), {@code validaterecovery} (S47) and {@code disable} (S37: {@code FileVault has been disabled.}; with
 * FileVault off it only removes an active deferral, fdesetup(8)).
 */
final class FdesetupRecovery {

  static final String UNLOCK_FAILED = "Error: Unable to unlock FileVault."; // S87
  static final String BAD_CERTIFICATE = "Error: Unable to read the certificate."; // I

  /**
   * The input plist's {@code Certificate} (fdesetup(8): the DER certificate, base64, in the property list):
   * empty when absent, true when it decodes to something that looks like DER (a SEQUENCE), false otherwise.
   */
  static Optional<Boolean> certificate(FdeCredentials creds) {
    Object value = creds.plist().get("Certificate");
    if (value == null) {
      return Optional.empty();
    }
    try {
      byte[] der = java.util.Base64.getMimeDecoder().decode(String.valueOf(value).strip());
      return Optional.of(der.length > 16 && (der[0] & 0xff) == 0x30);
    } catch (IllegalArgumentException e) {
      return Optional.of(false);
    }
  }

  private final MacState state;

  FdesetupRecovery(MacState state) {
    this.state = state;
  }

  int run(ProgramContext ctx, FdesetupArgs a) throws IOException {
    return switch (a.verb()) {
      case "changerecovery" -> change(ctx, a);
      case "validaterecovery" -> validate(ctx, a);
      default -> disable(ctx, a);
    };
  }

  private Optional<FdeCredentials> credentials(ProgramContext ctx, FdesetupArgs a) throws IOException {
    if (a.flag("inputplist")) {
      return FdeCredentials.fromPlist(ctx);
    }
    return Optional.of(FdeCredentials.prompt(ctx, a.option("user").orElse(null))); // S86: user name first
  }

  private int change(ProgramContext ctx, FdesetupArgs a) throws IOException {
    if (a.flag("personal") == a.flag("institutional")) {
      ctx.stderr().print("lab: fdesetup changerecovery is simulated with one of -personal and -institutional\n");
      return 70;
    }
    if (!state.fileVault().status().active()) {
      ctx.stderr().print(FdesetupUsers.SETTLED + "\n");
      return 28;
    }
    Optional<FdeCredentials> creds = credentials(ctx, a);
    if (creds.isEmpty()) {
      ctx.stderr().print(FdeCredentials.NO_PLIST + "\n");
      return 15;
    }
    if (!creds.get().unlocksVolume(state)) {
      ctx.stderr().print(UNLOCK_FAILED + "\n");
      return 11;
    }
    if (a.flag("institutional")) {
      Optional<Boolean> cert = certificate(creds.get());
      if (cert.isEmpty() || !cert.get()) {
        ctx.stderr().print(BAD_CERTIFICATE + "\n");
        return 15;
      }
      FileVaults.institutionalKeyAdded(state);
      return 0;
    }
    String key = FileVaults.rotate(state);
    String user = creds.get().user() != null ? creds.get().user() : state.fileVault().enabledUser();
    ctx.stdout().print(a.flag("outputplist") ? FileVaults.outputPlist(state, user, key, true)
        : "New personal recovery key = '" + key + "'\n");
    return 0;
  }

  /** Prints whether the key given (plain on stdin, or a plist's Password) is the current personal recovery key. */
  private int validate(ProgramContext ctx, FdesetupArgs a) throws IOException {
    String key;
    if (a.flag("inputplist")) {
      key = Plists.parseDict(Stdin.all(ctx.stdin())).flatMap(d -> Plists.string(d, "Password")).orElse("");
    } else {
      ctx.stderr().print("Enter the current recovery key:"); // I
      key = Stdin.line(ctx.stdin());
    }
    ctx.stdout().print(RecoveryKeys.isCurrent(state, key) + "\n");
    return 0;
  }

  private int disable(ProgramContext ctx, FdesetupArgs a) throws IOException {
    if (!state.fileVault().status().active()) {
      if (state.fileVault().deferral() != null) {
        state.fileVault().deferral(null);
        return 0;
      }
      ctx.stderr().print("Error: FileVault is Off.\n"); // I
      return 25;
    }
    if (state.fileVault().status().busy()) {
      ctx.stderr().print(FdesetupUsers.SETTLED + "\n");
      return 28;
    }
    Optional<FdeCredentials> creds = a.flag("inputplist") ? FdeCredentials.fromPlist(ctx)
        : Optional.of(promptDisable(ctx, a));
    if (creds.isEmpty()) {
      ctx.stderr().print(FdeCredentials.NO_PLIST + "\n");
      return 15;
    }
    if (!creds.get().unlocksVolume(state)) {
      ctx.stderr().print("Error: User authentication failed.\n"); // S37
      return 11;
    }
    FileVaults.disable(state);
    ctx.stdout().print("FileVault has been disabled.\n"); // S37
    return 0;
  }

  private FdeCredentials promptDisable(ProgramContext ctx, FdesetupArgs a) throws IOException {
    Optional<String> user = a.option("user");
    if (user.isPresent()) {
      ctx.stderr().print("Enter the password for user '" + user.get() + "':");
      return new FdeCredentials(user.get(), Stdin.line(ctx.stdin()), Map.of());
    }
    ctx.stderr().print("Enter a password for '/', or the recovery key:"); // S86
    return new FdeCredentials(null, Stdin.line(ctx.stdin()), Map.of());
  }
}
