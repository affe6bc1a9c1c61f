package io.trustchain.spi;

/**
 * How trustchain gets into a host (safety invariant 7): the account it connects as ({@code ansible_user}), with
 * its admin rights, its sudo and its SSH key authorisation. A plan that would remove, demote, disable or
 * re-password that account is refused unless the inventory opts in for that host
 * ({@code trustchain_allow_way_in_change: true}) and another way in remains.
 *
 * @param connectionUser the account trustchain logs in as, or null when unknown (unit tests)
 * @param changeAllowed the host's explicit opt-in
 */
public record WayIn(String connectionUser, boolean changeAllowed) {

  /** The inventory variable that opts a host in. */
  public static final String OPT_IN = "trustchain_allow_way_in_change";

  /** No connection account known: nothing to protect beyond the credential. */
  public static WayIn unknown() {
    return new WayIn(null, false);
  }

  public boolean isConnectionUser(String user) {
    return connectionUser != null && connectionUser.equals(user);
  }
}
