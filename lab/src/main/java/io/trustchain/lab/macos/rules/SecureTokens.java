package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.AuthAuthority;
import io.trustchain.lab.macos.state.MacState;
import java.util.List;

/**
 * The Secure Token chain of trust (rule 1) and the token's bookkeeping: the {@code ;SecureToken;} tag,
 * volume ownership on Apple silicon (rule 8), and the volume's crypto-user order.
 */
public final class SecureTokens {

  /** Where the tag goes in {@code AuthenticationAuthority}. */
  public enum Placement {
    /** Right after the shadow hash, as for the Setup Assistant user (S64, S65). */
    AFTER_SHADOW_HASH,
    /** At the end, as for a token granted later (S66). */
    AT_END
  }

  private SecureTokens() {}

  /**
   * Whether {@code adminUser} with {@code adminPassword} may grant or revoke a token: an admin holding a
   * token whose password unlocks both the account and its token (rule 1, rule 4).
   */
  public static boolean authorizes(MacState state, String adminUser, String adminPassword) {
    return state.user(adminUser)
        .filter(a -> state.isAdmin(a.name()))
        .filter(Account::secureToken)
        .filter(a -> !a.disabled())
        .filter(a -> a.passwordMatches(adminPassword) && a.tokenPasswordMatches(adminPassword))
        .isPresent();
  }

  /** Whether {@code user} with {@code password} is a token holder whose token it unlocks (rule 4). */
  public static boolean unlocks(MacState state, String user, String password) {
    return state.user(user)
        .filter(Account::secureToken)
        .filter(a -> a.passwordMatches(password) && a.tokenPasswordMatches(password))
        .isPresent();
  }

  /**
   * Whether setting {@code account}'s first password grants it the first token: macOS 11 and later,
   * no token on the volume yet, and no {@code ;DisabledTags;SecureToken} (rules 1 and 7).
   */
  public static boolean firstPasswordGrants(MacState state, Account account) {
    return state.version().atLeast(11, 0) && state.firstTokenAvailable() && !account.secureTokenDisabledTag();
  }

  public static void grant(MacState state, Account account, Placement placement) {
    List<String> aa = account.authenticationAuthority();
    if (!aa.contains(AuthAuthority.SECURE_TOKEN)) {
      int shadow = aa.indexOf(AuthAuthority.SHADOW_HASH);
      if (placement == Placement.AFTER_SHADOW_HASH && shadow >= 0) {
        aa.add(shadow + 1, AuthAuthority.SECURE_TOKEN);
      } else {
        aa.add(AuthAuthority.SECURE_TOKEN);
      }
    }
    if (state.os().volumeOwnership()) {
      account.volumeOwner(true);
    }
    state.volume().tokenGranted();
    state.volume().cryptoUserAdded(account.generatedUid());
  }

  public static void revoke(MacState state, Account account) {
    account.authenticationAuthority().remove(AuthAuthority.SECURE_TOKEN);
    account.volumeOwner(false);
    state.volume().cryptoUserRemoved(account.generatedUid());
  }

  /** Whether {@code account} is the only token holder left. */
  public static boolean lastHolder(MacState state, Account account) {
    List<Account> holders = state.tokenHolders();
    return account.secureToken() && holders.size() == 1;
  }

  /** Whether {@code account} is the only admin left (root does not count). */
  public static boolean lastAdmin(MacState state, Account account) {
    List<Account> admins = state.admins();
    return state.isAdmin(account.name()) && admins.size() == 1;
  }
}
