package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fdesetup add -usertoadd U} and {@code fdesetup remove -user U}. On APFS a FileVault user is a Secure
 * Token holder: adding grants the token (authorised by a token holder or the recovery key, S43/S44/S86), removing
 * takes it away — never from the last one (exit 25, S45).
 */
final class FdesetupUsers {

  static final String SETTLED = "Error: FileVault is either off, busy, or the volume is locked."; // man table 28

  private final MacState state;

  FdesetupUsers(MacState state) {
    this.state = state;
  }

  int run(ProgramContext ctx, FdesetupArgs a) throws IOException {
    if (!state.fileVault().status().active()) {
      ctx.stderr().print(SETTLED + "\n");
      return 28;
    }
    return a.verb().equals("add") ? add(ctx, a) : remove(ctx, a);
  }

  private int add(ProgramContext ctx, FdesetupArgs a) throws IOException {
    Optional<String> toAdd = a.option("usertoadd");
    if (toAdd.isEmpty()) {
      ctx.stderr().print("Error: add needs -usertoadd USER.\n"); // I
      return 12;
    }
    String name = toAdd.get();
    FdeCredentials creds;
    String addedPassword;
    if (a.flag("inputplist")) {
      Optional<FdeCredentials> read = FdeCredentials.fromPlist(ctx);
      if (read.isEmpty()) {
        ctx.stderr().print(FdeCredentials.NO_PLIST + "\n");
        return 15;
      }
      creds = read.get();
      addedPassword = creds.additionalPassword(name).orElse(null);
    } else {
      String user = a.option("user").orElse(null);
      if (user == null) {
        ctx.stderr().print("Enter a password for '/', or the recovery key:"); // S86
        creds = new FdeCredentials(null, Stdin.line(ctx.stdin()), Map.of());
      } else {
        ctx.stderr().print("Enter the password for user '" + user + "':"); // S44
        creds = new FdeCredentials(user, Stdin.line(ctx.stdin()), Map.of());
      }
      ctx.stderr().print("Enter the password for the added user '" + name + "':"); // S44, S86
      addedPassword = Stdin.line(ctx.stdin());
    }
    if (a.flag("verbose")) {
      ctx.stdout().print("fdesetup: auth info dictionary path = stdin\nfdesetup: device path = /\n"); // S43
    }
    Optional<Account> added = state.user(name).filter(u -> !u.system());
    if (added.isEmpty()) {
      ctx.stderr().print("Error: Unable to add user to FileVault because user record could not be found.\n");
      return 30; // man table 30
    }
    StringBuilder out = new StringBuilder();
    if (!creds.unlocksVolume(state)) {
      out.append("OD user '").append(creds.user() == null ? "/" : creds.user()).append("' could not be authenticated.\n");
    }
    if (!creds.unlocksVolume(state) || !added.get().passwordMatches(addedPassword)) {
      out.append("Adding user '").append(name).append("' to existing FileVault\n")
          .append("Error: user could not be added (-69578).\n")
          .append("Error: Unable to add one or more users to FileVault.\n"); // S43
      ctx.stdout().print(out);
      return 17;
    }
    SecureTokens.grant(state, added.get(), SecureTokens.Placement.AT_END);
    return 0;
  }

  private int remove(ProgramContext ctx, FdesetupArgs a) {
    Optional<Account> user = a.option("user").flatMap(state::user);
    if (user.isEmpty() || !user.get().secureToken()) {
      ctx.stderr().print("Error: User '" + a.option("user").orElse("") + "' is not a FileVault user.\n"); // I
      return 25;
    }
    if (SecureTokens.lastHolder(state, user.get())) {
      ctx.stderr().print("Error: Unable to remove user '" + user.get().name()
          + "': it is the last OS user on the volume.\n"); // fdesetup(8); wording I
      return 25;
    }
    SecureTokens.revoke(state, user.get());
    return 0;
  }
}
