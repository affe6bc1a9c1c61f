package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.RecoveryKeys;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.Map;

/**
 * {@code profiles install|validate|remove -type bootstraptoken} (S51, S52, S88–S90, rule 6): escrow needs a
 * supervised enrollment whose server supports Bootstrap Tokens and the credentials of an admin holding a
 * Secure Token. Without {@code -user}/{@code -password} the tool prompts (S51).
 */
final class BootstrapTokenVerbs {

  static final String ESCROWED = "profiles: Bootstrap Token escrowed successfully";
  static final String UNSUPPORTED = "Bootstrap Token functionality is not supported on the server.";
  static final String BAD_CREDENTIALS = "Unable to authenticate user information.";
  static final String VALIDATED = "Bootstrap Token validated.";
  static final String NOT_VERIFIED = "Unable to verify token (err = -69594).";
  /** Not captured (§9); the lab's wording. */
  static final String NOT_SUPERVISED = "profiles: Bootstrap Token requires a supervised MDM enrollment.";
  static final String NEEDS_ROOT = "profiles: this command requires root privileges."; // I

  private final MacState state;

  BootstrapTokenVerbs(MacState state) {
    this.state = state;
  }

  int run(ProgramContext ctx, String verb, Map<String, String> options) throws IOException {
    if (!ctx.isRoot()) {
      ctx.stderr().print(NEEDS_ROOT + "\n");
      return 1;
    }
    if (verb.equals("remove")) {
      state.bootstrapToken().remove();
      state.volume().cryptoUserRemoved(RecoveryKeys.BOOTSTRAP_UUID);
      return 0;
    }
    if (!state.mdm().bootstrapAvailable()) {
      ctx.stdout().print(UNSUPPORTED + "\n");
      return 1;
    }
    if (!state.mdm().supervised()) {
      ctx.stdout().print(NOT_SUPERVISED + "\n");
      return 1;
    }
    String user = options.get("user");
    if (user == null || user.isEmpty()) {
      ctx.stderr().print("Enter the admin user name:");
      user = Stdin.line(ctx.stdin());
    }
    String password = options.containsKey("password") ? options.get("password") : options.get("pass");
    if (password == null || password.isEmpty()) {
      ctx.stderr().print("Enter the password for user '" + user + "':");
      password = Stdin.line(ctx.stdin());
      if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
        // the interactive prompt refuses passwords over 128 bytes, right or not (freegeek-pdx/mkuser's notes)
        ctx.stdout().print(BAD_CREDENTIALS + "\n");
        return 1;
      }
    }
    if (!SecureTokens.authorizes(state, user, password)) {
      ctx.stdout().print(BAD_CREDENTIALS + "\n");
      return 1;
    }
    if (verb.equals("validate")) {
      boolean valid = state.bootstrapToken().escrowed() && state.bootstrapToken().onVolume();
      ctx.stdout().print((valid ? VALIDATED : NOT_VERIFIED) + "\n");
      return valid ? 0 : 1;
    }
    state.bootstrapToken().escrow();
    state.volume().cryptoUserAdded(RecoveryKeys.BOOTSTRAP_UUID);
    ctx.stdout().print(ESCROWED + "\n");
    return 0;
  }
}
