package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.SystemAccounts;

/** Creating and deleting local accounts the way macOS does (defaults, home folder, group membership). */
public final class Users {

  private Users() {}

  /** The default login shell: zsh from 10.15 (Catalina) on, bash before. */
  public static String defaultShell(MacState state) {
    return state.version().atLeast(10, 15) ? "/bin/zsh" : "/bin/bash";
  }

  /**
   * Creates a record with macOS defaults for what is null: next free UID from 501, group staff (20), full
   * name = short name, the default shell, home {@code /Users/NAME}. No password, no token.
   */
  public static Account create(MacState state, String name, Integer uid, Integer gid, String realName,
      String shell, String home) {
    Account a = new Account(name, uid != null ? uid : state.nextUid(), gid != null ? gid : SystemAccounts.STAFF_GID,
        realName != null ? realName : name, state.newGeneratedUid(name), shell != null ? shell : defaultShell(state),
        home != null ? home : "/Users/" + name);
    a.created(state.clock().nowMillis());
    state.addUser(a);
    return a;
  }

  /** Removes the record, its group memberships and its token (and, unless kept, its home folder). */
  public static void delete(MacState state, Account account, boolean keepHome) {
    if (account.secureToken()) {
      SecureTokens.revoke(state, account);
    }
    if (!keepHome && account.home() != null && account.home().startsWith("/Users/")) {
      state.files().delete(account.home());
    }
    state.removeUser(account);
  }
}
