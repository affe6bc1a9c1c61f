package io.trustchain.facts;

import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.List;
import java.util.Objects;

/**
 * The guards of apply: each fact a change may depend on, as the Mac checks it right before the
 * change, with the same tool the facts read it with and the wording its parser knows (sample numbers
 * from macos-reference.md). A guard holds no secret value: a password is a reference, fed on stdin.
 */
public final class Probes {

  static final int DS_RECORD_NOT_FOUND = DsclRecordParser.EXIT_RECORD_NOT_FOUND;
  static final int CHECKMEMBER_NOT_MEMBER = 67;
  static final int NO_DEFERRAL = 20;

  private Probes() {}

  /** {@code dscl . -read /Users/U RecordName} exits 0 (S64): the account exists. */
  public static Guard accountExists(String user) {
    return Guard.exit(user + " exists", record(user, "RecordName"), 0);
  }

  /** The same read exits 56, eDSRecordNotFound (S72): the account does not exist. */
  public static Guard accountMissing(String user) {
    return Guard.exit(user + " does not exist", record(user, "RecordName"), DS_RECORD_NOT_FOUND);
  }

  /** {@code sysadminctl -secureTokenStatus U} says ENABLED or DISABLED (S1–S3, on stderr). */
  public static Guard secureToken(String user, boolean holds) {
    return Guard.output(user + (holds ? " holds a Secure Token" : " holds no Secure Token"),
        Command.of("sysadminctl", "-secureTokenStatus", user),
        "Secure token is " + (holds ? "ENABLED" : "DISABLED") + " for user ", true);
  }

  /** {@code dseditgroup -o checkmember -m U admin} exits 0 or 67 (S78). */
  public static Guard admin(String user, boolean is) {
    Command probe = Command.of("dseditgroup", "-o", "checkmember", "-m", user, "admin");
    return is ? Guard.exit(user + " is an admin", probe, 0)
        : Guard.exit(user + " is not an admin", probe, CHECKMEMBER_NOT_MEMBER);
  }

  /**
   * The password authenticates: Open Directory through osascript, the password on stdin, never on a command line
   * ({@link PasswordCheck}; {@code dscl . -authonly U PASSWORD} would show it). A user's password is tried only
   * here, by the change that needs it, so a wrong one stops that change before anything changes.
   */
  public static Guard passwordAuthenticates(String user, SecretRef password) {
    Objects.requireNonNull(password, "password == null");
    return Guard.exit(possessive(user) + " password authenticates", PasswordCheck.verify(user, password), 0);
  }

  /**
   * The management credential is still as the plan saw it in {@code facts} (its token and admin rights,
   * when the facts list it) and its password authenticates. The apply script tries the password once, at the
   * first change that uses the credential ({@link Guard#checksPassword()}): before its first use, never again.
   */
  public static List<Guard> credential(String user, SecretRef password, HostFacts facts) {
    List<Guard> guards = new java.util.ArrayList<>();
    facts.user(user).ifPresent(u -> {
      guards.add(secureToken(user, u.secureToken()));
      guards.add(admin(user, u.admin()));
    });
    guards.add(passwordAuthenticates(user, password));
    return List.copyOf(guards);
  }

  /** {@code ;DisabledTags;SecureToken} in the account's AuthenticationAuthority (S69), or not. */
  public static Guard disabledTag(String user, boolean set) {
    return Guard.output(user + (set ? " carries" : " does not carry") + " ;DisabledTags;SecureToken",
        record(user, "AuthenticationAuthority"), ";DisabledTags;SecureToken", set);
  }

  /** {@code fdesetup status}: {@code FileVault is On.} (also while encrypting) or {@code Off} (S25–S31). */
  public static Guard fileVaultOn(boolean on) {
    return Guard.output(on ? "FileVault is on" : "FileVault is off", Command.of("fdesetup", "status"),
        on ? "FileVault is On." : "FileVault is Off", true);
  }

  /** {@code test -s PATH}: trustchain's recovery-key plist waits on the Mac (present and not empty), or not. */
  public static Guard recoveryPlist(String path, boolean present) {
    Command probe = Command.of("test", "-s", path);
    return present ? Guard.exit("a recovery key waits in " + path, probe, 0)
        : Guard.exitNot("no recovery key waits in " + path, probe, 0);
  }

  /** {@code fdesetup list} has (or lacks) the line {@code U,GENERATEDUID} (S32). */
  public static Guard unlockUser(String user, String generatedUid, boolean listed) {
    return Guard.line(user + (listed ? " unlocks FileVault" : " does not unlock FileVault"),
        Command.of("fdesetup", "list"), user + "," + generatedUid, listed);
  }

  /** {@code fdesetup haspersonalrecoverykey} prints {@code true} or {@code false} (S47). */
  public static Guard personalRecoveryKey(boolean has) {
    return Guard.line(has ? "FileVault has a personal recovery key" : "FileVault has no personal recovery key",
        Command.of("fdesetup", "haspersonalrecoverykey"), Boolean.toString(has), true);
  }

  /** {@code fdesetup hasinstitutionalrecoverykey} prints {@code true} or {@code false} (S47). */
  public static Guard institutionalRecoveryKey(boolean has) {
    return Guard.line(has ? "FileVault has an institutional recovery key"
        : "FileVault has no institutional recovery key",
        Command.of("fdesetup", "hasinstitutionalrecoverykey"), Boolean.toString(has), true);
  }

  /** {@code fdesetup showdeferralinfo} exits 0 with a deferral, 20 ({@code Not found.}) without (S40, S41). */
  public static Guard deferral(boolean active) {
    Command probe = Command.of("fdesetup", "showdeferralinfo");
    return active ? Guard.exit("a deferred FileVault enablement is active", probe, 0)
        : Guard.exit("no deferred FileVault enablement is active", probe, NO_DEFERRAL);
  }

  /** {@code profiles status -type bootstraptoken}: {@code … escrowed to server: YES} or not (S48–S50). */
  public static Guard bootstrapEscrowed(boolean escrowed) {
    return Guard.output(escrowed ? "the Bootstrap Token is escrowed" : "no Bootstrap Token is escrowed",
        Command.of("profiles", "status", "-type", "bootstraptoken"), "Bootstrap Token escrowed to server: YES",
        escrowed);
  }

  /** {@code defaults read …com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass}: {@code 1} or not. */
  public static Guard mobileAccountsPrompt(boolean prompted) {
    return Guard.line(prompted ? "mobile accounts are prompted for a token holder" : "mobile accounts are not prompted",
        Command.of("defaults", "read", FactsScript.MCX_DOMAIN, FactsScript.MCX_KEY), "1", !prompted);
  }

  private static Command record(String user, String attribute) {
    return Command.of("dscl", ".", "-read", "/Users/" + user, attribute);
  }

  private static String possessive(String name) {
    return name + (name.endsWith("s") ? "'" : "'s");
  }
}
