package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.FileVaultState;
import io.trustchain.lab.macos.state.FvStatus;
import io.trustchain.lab.macos.state.MacState;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * FileVault's lifecycle on APFS (rule 5): who may enable it, what enabling does (a new personal recovery key,
 * the first token for the first enabler on 10.15+), and how encryption and decryption progress. On Apple
 * silicon the volume is always hardware-encrypted, so turning FileVault on or off is immediate; on Intel the
 * lab plays software encryption, which moves on with reboots and days.
 */
public final class FileVaults {

  private static final DateTimeFormatter PLIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  /** Why an enablement cannot happen, for the caller to word. */
  public enum Refusal {
    NOT_A_TOKEN_USER, BLANK_PASSWORDS, NOT_AUTHORIZED, MANAGEMENT_SETTINGS, NO_RECOVERY_PARTITION, ALREADY_ON
  }

  private FileVaults() {}

  /**
   * What stops {@code user} (already authenticated) from enabling FileVault now, if anything: FileVault already
   * active, the MDM's dontAllowFDEEnable, no recovery partition, the 10.15+ authorization policy (allowed when
   * the MDM is user approved or DEP, or the scenario says the tool is authorized), a token-less user (unless it
   * is the first enabler on 10.15+ while nobody has a token), token holders without a password.
   */
  public static Optional<Refusal> refusal(MacState state, Account user, boolean viaMdmOrLoginWindow) {
    FileVaultState fv = state.fileVault();
    if (fv.status().active()) {
      return Optional.of(Refusal.ALREADY_ON);
    }
    if (fv.dontAllowFdeEnable()) {
      return Optional.of(Refusal.MANAGEMENT_SETTINGS);
    }
    if (!fv.recoveryPartition()) {
      return Optional.of(Refusal.NO_RECOVERY_PARTITION);
    }
    if (!viaMdmOrLoginWindow && !authorized(state)) {
      return Optional.of(Refusal.NOT_AUTHORIZED);
    }
    if (!user.secureToken() && !firstEnablerGetsToken(state, user)) {
      return Optional.of(Refusal.NOT_A_TOKEN_USER);
    }
    if (state.tokenHolders().stream().anyMatch(a -> !a.hasPassword())) {
      return Optional.of(Refusal.BLANK_PASSWORDS);
    }
    return Optional.empty();
  }

  /** The 10.15+ policy of fdesetup(8); always allowed before 10.15. */
  public static boolean authorized(MacState state) {
    if (!state.version().atLeast(10, 15)) {
      return true;
    }
    Boolean explicit = state.fileVault().enableAuthorized();
    if (explicit != null) {
      return explicit;
    }
    return state.mdm().enrolled() && (state.mdm().userApproved() || state.mdm().dep());
  }

  /** 10.15+: the first user to enable FileVault when nobody has a token gets one (rule 1). */
  static boolean firstEnablerGetsToken(MacState state, Account user) {
    return state.version().atLeast(10, 15) && state.firstTokenAvailable() && !user.secureTokenDisabledTag();
  }

  /** Turns FileVault on for {@code user} (checked with {@link #refusal}) and returns the new recovery key. */
  public static String enable(MacState state, Account user) {
    return enable(state, user, true);
  }

  /** Turns FileVault on; with {@code personal}, makes a personal recovery key and returns it, else null. */
  public static String enable(MacState state, Account user, boolean personal) {
    if (!user.secureToken()) {
      SecureTokens.grant(state, user, SecureTokens.Placement.AT_END);
    }
    FileVaultState fv = state.fileVault();
    String key = personal ? RecoveryKeys.generate(state) : null;
    fv.personalRecoveryKey(key);
    fv.status(state.os().appleSilicon() ? FvStatus.ON : FvStatus.ENCRYPTING, 0);
    fv.enabled(user.name(), state.clock().nowMillis());
    fv.deferral(null);
    if (personal) {
      state.volume().cryptoUserAdded(RecoveryKeys.PERSONAL_UUID);
    }
    return key;
  }

  /** An institutional recovery key is installed (crypto users 2FA31400-… and C064EBC6-…, rule 9). */
  public static void institutionalKeyAdded(MacState state) {
    state.fileVault().institutionalRecoveryKey(true);
    state.volume().cryptoUserAdded(RecoveryKeys.INSTITUTIONAL_USER_UUID);
    state.volume().cryptoUserAdded(RecoveryKeys.INSTITUTIONAL_UUID);
  }

  /** Starts turning FileVault off: immediate on Apple silicon, decryption on Intel. */
  public static void disable(MacState state) {
    FileVaultState fv = state.fileVault();
    if (state.os().appleSilicon()) {
      off(state);
    } else {
      fv.status(FvStatus.DECRYPTING, 0);
    }
  }

  /** A new personal recovery key replaces the old one (exactly one valid afterwards). */
  public static String rotate(MacState state) {
    String key = RecoveryKeys.generate(state);
    state.fileVault().personalRecoveryKey(key);
    state.volume().cryptoUserAdded(RecoveryKeys.PERSONAL_UUID);
    return key;
  }

  /** Encryption or decryption moves on by {@code percent}; finishing switches the state. Returns a note or null. */
  static String progress(MacState state, double percent) {
    FileVaultState fv = state.fileVault();
    if (!fv.status().busy()) {
      return null;
    }
    double next = Math.min(100, fv.percent() + percent);
    if (next < 100) {
      fv.status(fv.status(), next);
      return (fv.status() == FvStatus.ENCRYPTING ? "encryption" : "decryption") + " at " + format(next) + "%";
    }
    if (fv.status() == FvStatus.ENCRYPTING) {
      fv.status(FvStatus.ON, 0);
      return "FileVault encryption finished";
    }
    off(state);
    return "FileVault decryption finished";
  }

  private static void off(MacState state) {
    FileVaultState fv = state.fileVault();
    fv.status(FvStatus.OFF, 0);
    fv.personalRecoveryKey(null);
    fv.institutionalRecoveryKey(false);
    state.volume().cryptoUserRemoved(RecoveryKeys.PERSONAL_UUID);
  }

  /** {@code 42.5} or {@code 35}: integers without a fraction (S28, S30 — the format is not confirmed). */
  public static String format(double percent) {
    return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(Math.round(percent * 10) / 10.0);
  }

  /** The output plist of an enablement or key change (S42 keys; {@code Change} after a key change, per fdesetup(8)). */
  public static String outputPlist(MacState state, String user, String key, boolean change) {
    StringBuilder p = new StringBuilder()
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append("<plist version=\"1.0\">\n<dict>\n");
    if (change) {
      p.append("\t<key>Change</key>\n\t<true/>\n");
    }
    entry(p, "EnabledDate", state.clock().now().format(PLIST_DATE));
    entry(p, "EnabledUser", user);
    entry(p, "HardwareUUID", state.os().hardwareUuid());
    if (key != null) {
      entry(p, "RecoveryKey", key);
    }
    entry(p, "SerialNumber", state.os().serialNumber());
    return p.append("</dict>\n</plist>\n").toString();
  }

  private static void entry(StringBuilder p, String key, String value) {
    p.append("\t<key>").append(key).append("</key>\n\t<string>").append(xml(value)).append("</string>\n");
  }

  static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
