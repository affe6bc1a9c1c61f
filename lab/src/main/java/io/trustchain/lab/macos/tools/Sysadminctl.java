package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.MacVersion;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sysadminctl}: everything on stderr with the NSLog prefix, exit 0 even when it refused (rule 2),
 * except the 10.13.2/10.13.3 framework failure (S5, exit 255). Secure Token verbs here; account verbs in
 * {@link SysadminctlAccounts}.
 */
final class Sysadminctl implements Program {

  private static final Set<String> PRIVILEGED = Set.of("addUser", "deleteUser", "secureTokenOn", "secureTokenOff",
      "resetPasswordFor");

  private final MacState state;

  Sysadminctl(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    MacVersion version = state.version();
    NsLog log = NsLog.open(state, ctx.stderr(), "sysadminctl");
    Optional<SysadminctlArgs> parsed = SysadminctlArgs.parse(args, version);
    if (parsed.isEmpty()) {
      SysadminctlText.printUsage(log, state.version());
      return 0;
    }
    SysadminctlArgs a = parsed.get();
    if (a.verb() == null) {
      return 0; // options without a verb print nothing (S15)
    }
    Credentials creds = Credentials.read(a, ctx, log);
    if (frameworkQuirk(version) && !creds.authorizes(state)) {
      log.line(SysadminctlText.FRAMEWORK_FAILURE);
      return 255;
    }
    if (PRIVILEGED.contains(a.verb()) && !ctx.isRoot() && !creds.authenticatesAdmin(state)) {
      log.line(SysadminctlText.NOT_ROOT);
      return 0;
    }
    SysadminctlAccounts accounts = new SysadminctlAccounts(state, log, ctx, creds);
    switch (a.verb()) {
      case "secureTokenStatus" -> status(log, a.target());
      case "secureTokenOn" -> tokenOn(log, ctx, a, creds);
      case "secureTokenOff" -> tokenOff(log, ctx, a, creds);
      case "addUser" -> accounts.addUser(a);
      case "deleteUser" -> accounts.deleteUser(a);
      case "resetPasswordFor" -> accounts.resetPassword(a);
      default -> {
        ctx.stderr().print("lab: sysadminctl -" + a.verb() + " is not simulated\n");
        return 70;
      }
    }
    return 0;
  }

  /** S5: early 10.13 builds fail any verb without token-holder credentials. */
  private static boolean frameworkQuirk(MacVersion v) {
    return v.major() == 10 && v.minor() == 13 && (v.patch() == 2 || v.patch() == 3);
  }

  /** S1–S3: the name printed is the RealName. */
  private void status(NsLog log, String user) {
    Optional<Account> account = state.user(user);
    if (account.isEmpty()) {
      log.line("Unknown user " + user);
      return;
    }
    Account u = account.get();
    log.line("Secure token is " + (u.secureToken() ? "ENABLED" : "DISABLED") + " for user " + u.realName());
  }

  /** S6–S8, rule 1. */
  private void tokenOn(NsLog log, ProgramContext ctx, SysadminctlArgs a, Credentials creds) throws IOException {
    Optional<Account> target = state.user(a.target());
    if (target.isEmpty()) {
      log.line("Unknown user " + a.target());
      return;
    }
    Optional<String> password = Credentials.value(a, "password", ctx, log);
    if (password.isEmpty()) {
      SysadminctlText.printUsage(log, state.version());
      return;
    }
    Account t = target.get();
    if (!creds.given()) {
      log.line(a.flag("interactive") ? SysadminctlText.NOT_ROOT : SysadminctlText.REFUSED_5101);
      return;
    }
    boolean authorised = creds.authorizes(state);
    boolean firstToken = !authorised && firstTokenPath(creds);
    if ((!authorised && !firstToken) || !t.passwordMatches(password.get())) {
      log.line(SysadminctlText.REFUSED_5101);
      return;
    }
    if (firstToken) {
      SecureTokens.grant(state, state.user(creds.user()).orElseThrow(), SecureTokens.Placement.AT_END);
    }
    SecureTokens.grant(state, t, SecureTokens.Placement.AT_END);
    log.line(SysadminctlText.DONE);
  }

  /**
   * The 10.14.2+ path (DataJAR): an admin without a token, when nobody has one yet, grants one to another
   * user and both get a token.
   */
  private boolean firstTokenPath(Credentials creds) {
    return state.version().atLeast(10, 14, 2) && state.firstTokenAvailable() && creds.authenticatesAdmin(state);
  }

  /** S10 (wording by symmetry), rule 3: the last holder keeps its token. */
  private void tokenOff(NsLog log, ProgramContext ctx, SysadminctlArgs a, Credentials creds) throws IOException {
    Optional<Account> target = state.user(a.target());
    if (target.isEmpty()) {
      log.line("Unknown user " + a.target());
      return;
    }
    Optional<String> password = Credentials.value(a, "password", ctx, log);
    if (password.isEmpty()) {
      SysadminctlText.printUsage(log, state.version());
      return;
    }
    Account t = target.get();
    if (!creds.authorizes(state) || !t.passwordMatches(password.get()) || SecureTokens.lastHolder(state, t)) {
      log.line(SysadminctlText.REFUSED_5101);
      return;
    }
    if (t.secureToken()) {
      SecureTokens.revoke(state, t);
    }
    log.line(SysadminctlText.DONE);
  }
}
