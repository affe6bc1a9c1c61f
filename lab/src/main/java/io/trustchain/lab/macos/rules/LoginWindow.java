package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.MacVersion;
import io.trustchain.lab.macos.state.Mdm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happens at the login window and to the clock: {@code login USER}, {@code logout USER}, {@code reboot},
 * {@code advance-days N}, and {@code login-decline USER} / {@code logout-decline USER} (the user cancels a
 * FileVault deferral prompt). Each returns one line saying what macOS did.
 */
public final class LoginWindow {

  /** The events this Mac understands. */
  public static final List<String> EVENTS = List.of("login", "login-decline", "logout", "logout-decline", "reboot",
      "advance-days");

  private LoginWindow() {}

  /**
   * Plays {@code event}; {@code argument} is the user (login, logout) or the number of days (advance-days).
   * {@code "advance-days 3"} with a null argument works too.
   */
  public static String play(MacState state, String event, String argument) {
    String name = event == null ? "" : event.strip();
    String arg = argument;
    int space = name.indexOf(' ');
    if (space > 0 && arg == null) {
      arg = name.substring(space + 1).strip();
      name = name.substring(0, space);
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "login" -> login(state, user(state, arg, "login"), false);
      case "login-decline" -> login(state, user(state, arg, "login-decline"), true);
      case "logout" -> logout(state, user(state, arg, "logout"), false);
      case "logout-decline" -> logout(state, user(state, arg, "logout-decline"), true);
      case "reboot" -> reboot(state);
      case "advance-days" -> advanceDays(state, days(arg));
      default -> throw new IllegalArgumentException("unknown event \"" + event + "\" for " + state.host()
          + "; events are " + String.join(", ", EVENTS));
    };
  }

  private static Account user(MacState state, String name, String event) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(event + " needs a user name");
    }
    return state.user(name).filter(u -> !u.system()).orElseThrow(() -> new IllegalArgumentException(
        "no user " + name + " on " + state.host() + "; users are "
            + state.localUsers().stream().map(Account::name).toList()));
  }

  private static int days(String text) {
    try {
      int days = Integer.parseInt(text == null ? "" : text.strip());
      if (days < 0) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("advance-days needs a whole number of days (0 or more), not \"" + text + "\"");
    }
  }

  /** {@code declines}: the user cancels a FileVault deferral prompt (unless the login is forced). */
  static String login(MacState state, Account u, boolean declines) {
    String who = u.name();
    if (u.disabled()) {
      return who + " could not log in: the account is disabled";
    }
    if (!u.hasPassword()) {
      return who + " could not log in: the account has no password";
    }
    List<String> notes = new ArrayList<>();
    state.loggedIn().add(who);
    state.clock().advance(Duration.ofSeconds(30));
    if (!u.secureToken()) {
      if (state.firstTokenAvailable() && !u.secureTokenDisabledTag()) {
        SecureTokens.grant(state, u, SecureTokens.Placement.AFTER_SHADOW_HASH);
        notes.add("macOS granted " + who + " the volume's first Secure Token (first login)");
      } else if (bootstrapGrants(state, u)) {
        SecureTokens.grant(state, u, SecureTokens.Placement.AT_END);
        notes.add("macOS granted " + who + " a Secure Token (Bootstrap Token)");
      }
    }
    if (u.secureToken() && autoEscrows(state)) {
      state.bootstrapToken().escrow();
      state.volume().cryptoUserAdded(RecoveryKeys.BOOTSTRAP_UUID);
      notes.add("macOS escrowed a Bootstrap Token to the MDM server");
    }
    notes.addAll(FileVaultEvents.atLogin(state, u, declines));
    return who + " logged in" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }

  /**
   * Rule 6: an escrowed Bootstrap Token grants a token at login — on 10.15 to mobile accounts and the managed
   * admin only, from 11 on to any user — never to a user tagged {@code ;DisabledTags;SecureToken}.
   */
  static boolean bootstrapGrants(MacState state, Account u) {
    MacVersion v = state.version();
    if (!state.bootstrapToken().escrowed() || !state.bootstrapToken().onVolume() || u.secureTokenDisabledTag()
        || !v.atLeast(10, 15)) {
      return false;
    }
    return v.atLeast(11, 0) || u.mobile() || u.managedAdmin();
  }

  /** 10.15.4+: a token holder's login escrows a Bootstrap Token on a user-approved, supervised enrollment. */
  static boolean autoEscrows(MacState state) {
    Mdm mdm = state.mdm();
    return !state.bootstrapToken().escrowed() && state.version().atLeast(10, 15, 4) && mdm.enrolled()
        && (mdm.userApproved() || mdm.dep()) && mdm.supervised() && mdm.serverSupportsBootstrap();
  }

  static String logout(MacState state, Account u, boolean declines) {
    if (!state.loggedIn().remove(u.name())) {
      return u.name() + " was not logged in";
    }
    List<String> notes = FileVaultEvents.atLogout(state, u, declines);
    return u.name() + " logged out" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }

  static String reboot(MacState state) {
    List<String> out = new ArrayList<>(state.loggedIn());
    state.loggedIn().clear();
    state.clock().advance(Duration.ofMinutes(2));
    List<String> notes = FileVaultEvents.atReboot(state);
    return state.host() + " restarted" + (out.isEmpty() ? "" : " (" + String.join(", ", out) + " logged out)")
        + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }

  static String advanceDays(MacState state, int days) {
    state.clock().advance(Duration.ofDays(days));
    List<String> notes = FileVaultEvents.afterDays(state, days);
    return "the clock of " + state.host() + " moved " + days + (days == 1 ? " day" : " days") + " to "
        + state.clock().now().toLocalDate() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }
}
