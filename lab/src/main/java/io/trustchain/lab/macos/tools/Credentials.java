package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.Optional;

/** The {@code -adminUser}/{@code -adminPassword} pair of a sysadminctl line ({@code -} = prompt). */
record Credentials(String user, String password) {

  static Credentials read(SysadminctlArgs a, ProgramContext ctx, NsLog log) throws IOException {
    String user = a.option("adminUser").orElse(null);
    String password = a.option("adminPassword").orElse(null);
    if ("-".equals(password)) {
      log.raw("Administrator password:");
      password = Stdin.line(ctx.stdin());
    }
    return new Credentials(user, password);
  }

  /** The value of option {@code name}; {@code -} reads it from the terminal after the {@code User password:} prompt (S14). */
  static Optional<String> value(SysadminctlArgs a, String name, ProgramContext ctx, NsLog log) throws IOException {
    Optional<String> v = a.option(name);
    if (v.isPresent() && v.get().equals("-")) {
      log.raw(SysadminctlText.PROMPT + "\n");
      return Optional.of(Stdin.line(ctx.stdin()));
    }
    return v;
  }

  boolean given() {
    return user != null && password != null;
  }

  /** An admin holding a token whose password unlocks it (rule 1). */
  boolean authorizes(MacState state) {
    return given() && SecureTokens.authorizes(state, user, password);
  }

  /** A token holder whose password unlocks the token (rule 4; admin or not). */
  boolean unlocksToken(MacState state) {
    return given() && SecureTokens.unlocks(state, user, password);
  }

  /** An enabled admin with this password (token or not). */
  boolean authenticatesAdmin(MacState state) {
    return given() && state.user(user)
        .filter(u -> state.isAdmin(u.name()) && !u.disabled() && u.passwordMatches(password)).isPresent();
  }

  @Override
  public String toString() {
    return "credentials of " + user;
  }
}
