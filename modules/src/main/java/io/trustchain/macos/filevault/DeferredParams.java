package io.trustchain.macos.filevault;

import io.trustchain.spi.Required;

/**
 * A deferred FileVault enablement ({@code fdesetup enable -defer PATH -user USER [-forceatlogin N]
 * [-dontaskatlogout]}).
 *
 * @param user who enables FileVault at the next login or logout (a Secure Token holder by then)
 * @param forceAtLogin how many logins the user may decline before it is forced (0 = the next one;
 *     -1 or 9999 = never); null leaves macOS's default
 * @param askAtLogout also ask at logout (default true; false adds {@code -dontaskatlogout})
 * @param overdueAfterDays a deferral that has not fired after this many days is reported as drift
 *     (default 30)
 */
public record DeferredParams(@Required String user, Integer forceAtLogin, Boolean askAtLogout,
    Integer overdueAfterDays) {

  static final int DEFAULT_OVERDUE_DAYS = 30;

  public DeferredParams {
    askAtLogout = askAtLogout == null || askAtLogout;
    overdueAfterDays = overdueAfterDays == null ? DEFAULT_OVERDUE_DAYS : overdueAfterDays;
  }
}
