package io.trustchain.macos.filevault;

import io.trustchain.facts.Deferral;
import io.trustchain.facts.DeferralOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares an active deferral's options with the document's. trustchain's marker records the options
 * it set the deferral up with, which is exact. Without them (a marker from an older trustchain, or
 * none), only what macOS reports is compared: {@code DeferDontAskAtUserLogout} when shown, and the
 * logins the user may still decline, which differ only when macOS is more lenient than the document
 * (fewer remaining declines may just be the user declining).
 */
final class DeferralOptionsCheck {

  private DeferralOptionsCheck() {}

  /** What differs, in words; empty when nothing does (or nothing can be told). */
  static List<String> differences(Deferral active, DeferralOptions want) {
    List<String> out = new ArrayList<>();
    DeferralOptions had = active.setUpWith();
    if (had != null) {
      if (!Objects.equals(had.forceAtLogin(), want.forceAtLogin())) {
        out.add("force_at_login: " + shown(had.forceAtLogin()) + " -> " + shown(want.forceAtLogin()));
      }
      if (had.askAtLogout() != want.askAtLogout()) {
        out.add("ask_at_logout: " + had.askAtLogout() + " -> " + want.askAtLogout());
      }
      return out;
    }
    if (active.askAtLogout() != null && active.askAtLogout() != want.askAtLogout()) {
      out.add("ask_at_logout: " + active.askAtLogout() + " -> " + want.askAtLogout());
    }
    Integer left = active.forceAtLogin();
    Integer limit = want.forceAtLogin();
    if (limit != null && !never(limit) && left != null && (never(left) || left > limit)) {
      out.add("macOS lets " + active.user() + " decline " + (never(left) ? "every login" : left + " more logins")
          + " and the document allows " + limit);
    }
    return out;
  }

  /** {@code ; alice has declined 2 logins: the next one is forced}, when the marker tells the setting. */
  static String countdown(Deferral active, String user) {
    DeferralOptions had = active.setUpWith();
    Integer left = active.forceAtLogin();
    if (had == null || had.forceAtLogin() == null || never(had.forceAtLogin()) || left == null || never(left)) {
      return "";
    }
    int declined = had.forceAtLogin() - left;
    if (declined <= 0) {
      return left == 0 ? "; the login is forced" : "; " + user + " may decline " + left + (left == 1 ? " login" : " logins");
    }
    return "; " + user + " has declined " + declined + (declined == 1 ? " login" : " logins") + ": "
        + (left == 0 ? "the next one is forced" : left + " more may be declined");
  }

  /** {@code -1} and {@code 9999}: never forced (fdesetup(8)). */
  static boolean never(int n) {
    return n < 0 || n == 9999;
  }

  private static String shown(Integer n) {
    return n == null ? "(macOS's default)" : n.toString();
  }
}
