package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.RecoveryKeys;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials fdesetup works with: from {@code -inputplist} on stdin
 * ({@code <dict><key>Username</key>…<key>Password</key>…</dict>}, plus {@code AdditionalUsers}), or from its
 * terminal prompts (S34, S44, S86). A password may also be the personal recovery key where fdesetup accepts
 * one (10.14+).
 */
record FdeCredentials(String user, String password, Map<String, Object> plist) {

  static final String NO_PLIST = "Error: Unable to read the input plist."; // I

  /** Reads the plist from stdin; empty when it is not one. */
  static Optional<FdeCredentials> fromPlist(ProgramContext ctx) throws IOException {
    return Plists.parseDict(Stdin.all(ctx.stdin())).map(d -> new FdeCredentials(
        Plists.string(d, "Username").orElse(null), Plists.string(d, "Password").orElse(null), d));
  }

  /** {@code Enter the user name:} (unless given) then {@code Enter the password for user 'X':} (S34). */
  static FdeCredentials prompt(ProgramContext ctx, String user) throws IOException {
    String name = user;
    if (name == null) {
      ctx.stderr().print("Enter the user name:");
      name = Stdin.line(ctx.stdin());
    }
    ctx.stderr().print("Enter the password for user '" + name + "':");
    return new FdeCredentials(name, Stdin.line(ctx.stdin()), Map.of());
  }

  /** The token holder whose password unlocks its token. */
  Optional<Account> tokenUser(MacState state) {
    return state.user(user).filter(Account::secureToken)
        .filter(a -> a.passwordMatches(password) && a.tokenPasswordMatches(password));
  }

  /** The account whose password this is (token or not). */
  Optional<Account> account(MacState state) {
    return state.user(user).filter(a -> a.passwordMatches(password));
  }

  /** A token holder's password, or (10.14+) the current personal recovery key. */
  boolean unlocksVolume(MacState state) {
    boolean recoveryKey = state.version().atLeast(10, 14) && RecoveryKeys.isCurrent(state, password);
    return recoveryKey || (user != null && tokenUser(state).isPresent());
  }

  /** The password given for {@code name} in {@code AdditionalUsers}. */
  Optional<String> additionalPassword(String name) {
    if (!(plist.get("AdditionalUsers") instanceof List<?> users)) {
      return Optional.empty();
    }
    return users.stream().filter(u -> u instanceof Map<?, ?>).map(u -> (Map<?, ?>) u)
        .filter(u -> name.equalsIgnoreCase(String.valueOf(u.get("Username"))))
        .map(u -> u.get("Password")).filter(p -> p instanceof String).map(p -> (String) p).findFirst();
  }

  @Override
  public String toString() {
    return "fdesetup credentials of " + user;
  }
}
