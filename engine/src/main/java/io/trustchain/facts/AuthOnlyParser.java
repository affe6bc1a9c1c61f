package io.trustchain.facts;

import java.util.Set;

/**
 * {@code dscl . -authonly USER PASSWORD} (S76a–d): no output and exit 0 when the password
 * authenticates; otherwise {@code Authentication for node … failed. (-NNNNN, eDSName)} on stdout
 * and {@code <dscl_cmd> DS Error: …} on stderr, exit 10 (eDSAuthFailed), 87 (account disabled),
 * 11 (no password hash) or 56 (no such user).
 */
final class AuthOnlyParser {

  private static final Set<Integer> REFUSED = Set.of(10, 11, 56, 87);

  private AuthOnlyParser() {}

  /** Whether the password authenticates; null when the output did not say (field {@code password_authenticates}). */
  static Boolean parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == 0) {
      if (!out.stdout().isBlank() || !out.stderr().isBlank()) {
        r.output("exit 0 with output (no output means success)", "password_authenticates");
        return null;
      }
      return true;
    }
    boolean dsError = out.stdout().contains("DS Error:") || out.stderr().contains("DS Error:")
        || out.stdout().contains("Authentication for node");
    if (REFUSED.contains(out.exit()) && dsError) {
      return false;
    }
    r.unexpectedExit("password_authenticates");
    return null;
  }
}
