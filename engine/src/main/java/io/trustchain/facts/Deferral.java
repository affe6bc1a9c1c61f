package io.trustchain.facts;

/**
 * An active deferred FileVault enablement ({@code fdesetup status} / {@code showdeferralinfo}), with
 * what trustchain's marker on the Mac says about how it was set up (macOS reports neither its date
 * nor, for a command-line deferral, its options; macos-reference §9).
 *
 * @param user the short name the deferral waits for
 * @param outputPath where fdesetup writes the recovery-key plist once it fires
 * @param forceAtLogin the logins the user may still decline, as macOS reports it (it counts down at
 *     each declined login), or null when macOS does not say
 * @param ageDays days since the deferral was set up, or null when unknown
 * @param askAtLogout whether macOS also asks at logout, when {@code showdeferralinfo} says so; null
 *     when it does not
 * @param setUpAt when trustchain set it up (ISO-8601, the Mac's clock), from its marker; null when
 *     no marker exists
 * @param setUpWith the options trustchain set it up with, from its marker; null when the marker does
 *     not record them (written by an older trustchain) or is absent
 */
public record Deferral(String user, String outputPath, Integer forceAtLogin, Integer ageDays, Boolean askAtLogout,
    String setUpAt, DeferralOptions setUpWith) {

  /** A deferral as macOS alone reports it (no marker). */
  public Deferral(String user, String outputPath, Integer forceAtLogin, Integer ageDays) {
    this(user, outputPath, forceAtLogin, ageDays, null, null, null);
  }
}
