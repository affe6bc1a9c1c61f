package io.trustchain.facts;

/**
 * The options a deferred enablement was set up with ({@code fdesetup enable -defer … [-forceatlogin N]
 * [-dontaskatlogout]}), as trustchain records them in its marker on the Mac.
 *
 * @param forceAtLogin the {@code -forceatlogin} value given, or null when none was (macOS's default)
 * @param askAtLogout false when {@code -dontaskatlogout} was given
 */
public record DeferralOptions(Integer forceAtLogin, boolean askAtLogout) {

  /**
   * The marker's words: {@code force_at_login=3 ask_at_logout=false} ({@code force_at_login=default}
   * when none was given).
   */
  public String markerWords() {
    return "force_at_login=" + (forceAtLogin == null ? "default" : forceAtLogin) + " ask_at_logout=" + askAtLogout;
  }

  /** {@code -forceatlogin 3, -dontaskatlogout}, for reasons. */
  @Override
  public String toString() {
    return "force_at_login " + (forceAtLogin == null ? "(macOS's default)" : forceAtLogin) + ", ask_at_logout "
        + askAtLogout;
  }
}
