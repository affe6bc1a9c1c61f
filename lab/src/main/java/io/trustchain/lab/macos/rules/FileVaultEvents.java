package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.Deferral;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * FileVault's part in login-window events: a deferred enablement fires at its user's login (or logout, unless
 * {@code -dontaskatlogout}); a login that declines uses up one of the {@code -forceatlogin} attempts, and at 0
 * the login is forced. Encryption and decryption move on with reboots (+50 %) and days (done after one).
 */
final class FileVaultEvents {

  private FileVaultEvents() {}

  static List<String> atLogin(MacState state, Account u, boolean declines) {
    Deferral d = state.fileVault().deferral();
    if (d == null || !appliesTo(d, u)) {
      return List.of();
    }
    if (declines && !d.forcedNow()) {
      d.declined();
      return List.of(u.name() + " declined to enable FileVault ("
          + (d.forceAtLogin() < 0 || d.forceAtLogin() == Deferral.NEVER_FORCE ? "never forced"
              : d.forceAtLogin() == 0 ? "the next login is forced" : d.forceAtLogin() + " more may be declined")
          + ")");
    }
    return fire(state, u, d, "login");
  }

  static List<String> atLogout(MacState state, Account u, boolean declines) {
    Deferral d = state.fileVault().deferral();
    if (d == null || !appliesTo(d, u) || d.dontAskAtLogout()) {
      return List.of();
    }
    if (declines) {
      return List.of(u.name() + " declined to enable FileVault at logout");
    }
    return fire(state, u, d, "logout");
  }

  private static boolean appliesTo(Deferral d, Account u) {
    return d.user().isEmpty() || d.user().equalsIgnoreCase(u.name());
  }

  private static List<String> fire(MacState state, Account u, Deferral d, String when) {
    Optional<FileVaults.Refusal> refusal = FileVaults.refusal(state, u, true);
    if (refusal.isPresent()) {
      return List.of("the FileVault deferral could not enable FileVault at " + u.name() + "'s " + when + " ("
          + switch (refusal.get()) {
            case NOT_A_TOKEN_USER -> u.name() + " has no Secure Token";
            case BLANK_PASSWORDS -> "a Secure Token user has no password";
            default -> refusal.get().name().toLowerCase(Locale.ROOT).replace('_', ' ');
          } + "); it stays active");
    }
    List<String> notes = new ArrayList<>();
    boolean hadToken = u.secureToken();
    String key = FileVaults.enable(state, u);
    if (!hadToken) {
      notes.add("macOS granted " + u.name() + " the volume's first Secure Token (first FileVault user)");
    }
    state.files().write(d.outputPath(), FileVaults.outputPlist(state, u.name(), key, false), 0600); // mode I
    notes.add("FileVault was enabled at " + u.name() + "'s " + when + " (recovery key written to " + d.outputPath()
        + ")");
    return notes;
  }

  static List<String> atReboot(MacState state) {
    String note = FileVaults.progress(state, 50);
    return note == null ? List.of() : List.of(note);
  }

  static List<String> afterDays(MacState state, int days) {
    String note = days > 0 ? FileVaults.progress(state, 100) : null;
    return note == null ? List.of() : List.of(note);
  }
}
