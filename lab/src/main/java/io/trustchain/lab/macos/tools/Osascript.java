package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code osascript -l JavaScript -e PROGRAM verify|set ACCOUNT}, for one program only: trustchain's password
 * program (engine {@code PasswordCheck}, marked {@value #MARKER}), which asks Open Directory with the password
 * on stdin. The lab runs no other script and says so (exit 2). {@code verify} is what {@code dscl . -authonly}
 * checks (no side effect modelled, as for -authonly); {@code set} is a root reset of an account without a Secure
 * Token, as {@code dscl . -passwd /Users/NAME NEW} (a first password can take the first token, rules 1 and 7).
 * Open Directory's words: {@code Credentials could not be verified, username or password is invalid.} (5000,
 * kODErrorCredentialsInvalid, seen in field logs); the disabled-account and not-permitted wordings are inferred.
 */
final class Osascript implements Program {

  static final String MARKER = "trustchain-password v1";
  static final String INVALID = "Credentials could not be verified, username or password is invalid. (5000)";
  static final String DISABLED = "Credentials could not be verified, account is disabled. (5301)"; // I
  static final String NOT_PERMITTED = "Operation is not permitted for this account. (5101)"; // I

  private final MacState state;

  Osascript(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    if (args.size() != 6 || !args.get(0).equals("-l") || !args.get(1).equals("JavaScript") || !args.get(2).equals("-e")
        || !args.get(3).contains(MARKER) || !List.of("verify", "set").contains(args.get(4))) {
      ctx.stderr().print("lab: osascript runs only trustchain's password program (" + MARKER + "): osascript -l"
          + " JavaScript -e PROGRAM verify|set ACCOUNT\n");
      return 2;
    }
    String password = Stdin.all(ctx.stdin());
    Optional<Account> found = state.user(args.get(5));
    if (found.isEmpty()) {
      ctx.stderr().print("trustchain: no such account: " + args.get(5) + "\n");
      return 3;
    }
    Account u = found.get();
    if (args.get(4).equals("set")) {
      if (!ctx.isRoot() || u.secureToken()) {
        return refused(ctx, NOT_PERMITTED);
      }
      boolean grants = !u.hasPassword() && SecureTokens.firstPasswordGrants(state, u);
      u.setPassword(password, false, state.clock().nowMillis());
      if (grants) {
        SecureTokens.grant(state, u, SecureTokens.Placement.AFTER_SHADOW_HASH);
      }
      ctx.stdout().print("set\n");
      return 0;
    }
    if (u.disabled()) {
      return refused(ctx, DISABLED);
    }
    if (!u.hasPassword() || !u.passwordMatches(password)) {
      return refused(ctx, INVALID);
    }
    ctx.stdout().print("verified\n");
    return 0;
  }

  private static int refused(ProgramContext ctx, String why) {
    ctx.stderr().print("trustchain: refused: " + why + "\n");
    return 1;
  }
}
