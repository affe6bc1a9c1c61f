package io.trustchain.macos.filevault;

import io.trustchain.facts.DeferralOptions;
import io.trustchain.facts.FactsRequest;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the filevault module (macos-reference §2). Credentials and user passwords go
 * in fdesetup's input property list on stdin, never on a command line. Every fdesetup output that
 * holds a recovery key goes to {@link #PLIST} (umask 077), never to the exec's output.
 */
final class FileVaultCommands {

  /** Where fdesetup writes the personal recovery key for trustchain (immediate, rotated and deferred). */
  static final String PLIST = FactsRequest.DEFAULT_RECOVERY_PLIST;
  /** Where trustchain dates the deferrals it sets up. */
  static final String MARKER = FactsRequest.DEFERRAL_MARKER;
  static final String PRK_ITEM = "personal_recovery_key";
  static final Capture PRK = new Capture(PRK_ITEM, "RecoveryKey");

  private FileVaultCommands() {}

  /** {@code fdesetup enable -inputplist -outputplist [-norecoverykey] > PLIST}, the credential on stdin. */
  static Command enableNow(Credential credential, boolean personalKey, Certificate certificate) {
    InputPlist plist = InputPlist.of(credential.user(), credential.password());
    if (certificate != null) {
      plist.certificate(certificate);
    }
    Command c = Command.of("fdesetup", "enable", "-inputplist", "-outputplist");
    if (!personalKey) {
      c = c.with("-norecoverykey");
    }
    return c.withStdin(plist.stdin()).toFile(PLIST);
  }

  /** The key in PLIST into escrow (read back), then the Mac's copy removed: two steps, two execs. */
  static List<Command> collect() {
    return List.of(Command.of("cat", PLIST).capturing(PRK), Command.of("rm", "-f", PLIST));
  }

  /** {@code fdesetup enable -defer PLIST -user U [-forceatlogin N] [-dontaskatlogout]} (S39: silent). */
  static Command defer(DeferredParams d) {
    Command c = Command.of("fdesetup", "enable", "-defer", PLIST, "-user", d.user());
    if (d.forceAtLogin() != null) {
      c = c.with("-forceatlogin", d.forceAtLogin().toString());
    }
    return d.askAtLogout() ? c : c.with("-dontaskatlogout");
  }

  /**
   * {@code date -u '+%Y-%m-%dT%H:%M:%SZ force_at_login=N ask_at_logout=B' > MARKER}: macOS says neither
   * when a deferral was set up nor, for a command-line deferral, with which options.
   */
  static Command markDeferral(DeferralOptions options) {
    return Command.of("date", "-u", "+%Y-%m-%dT%H:%M:%SZ " + options.markerWords()).toFile(MARKER);
  }

  /** {@code printf '%s\n' 'SINCE force_at_login=N ask_at_logout=B' > MARKER}: a deferral set up again keeps its date. */
  static Command markDeferral(DeferralOptions options, String since) {
    return Command.of("printf", "%s\\n", since + " " + options.markerWords()).toFile(MARKER);
  }

  static Command forgetDeferral() {
    return Command.of("rm", "-f", MARKER);
  }

  /** {@code fdesetup disable} while FileVault is off removes an active deferral (fdesetup(8)). */
  static Command removeDeferral() {
    return Command.of("fdesetup", "disable");
  }

  /** {@code fdesetup disable -inputplist}, the credential on stdin. */
  static Command disable(Credential credential) {
    return Command.of("fdesetup", "disable", "-inputplist")
        .withStdin(InputPlist.of(credential.user(), credential.password()).stdin());
  }

  /** {@code fdesetup changerecovery -personal -inputplist -outputplist > PLIST} (S37; the old key stops working). */
  static Command rotate(Credential credential) {
    return Command.of("fdesetup", "changerecovery", "-personal", "-inputplist", "-outputplist")
        .withStdin(InputPlist.of(credential.user(), credential.password()).stdin()).toFile(PLIST);
  }

  /** {@code fdesetup changerecovery -institutional -inputplist}, the certificate in the plist. */
  static Command institutional(Credential credential, Certificate certificate) {
    return Command.of("fdesetup", "changerecovery", "-institutional", "-inputplist")
        .withStdin(InputPlist.of(credential.user(), credential.password()).certificate(certificate).stdin());
  }

  /** {@code fdesetup add -usertoadd U -inputplist}: the credential authorises, U's password in AdditionalUsers. */
  static Command add(Credential credential, String user, SecretRef password) {
    return Command.of("fdesetup", "add", "-usertoadd", user, "-inputplist")
        .withStdin(InputPlist.of(credential.user(), credential.password())
            .additionalUsers(Map.of(user, password)).stdin());
  }

  /** {@code fdesetup remove -user U} (S45: never the last OS user, exit 25). */
  static Command remove(String user) {
    return Command.of("fdesetup", "remove", "-user", user);
  }
}
