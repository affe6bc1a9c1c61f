package io.trustchain.facts;

/**
 * The output of trustchain's own password check ({@link PasswordCheck}, osascript with the password on
 * stdin): {@code verified} and exit 0 when the password authenticates; {@code trustchain: refused: …} on
 * stderr and exit 1 when Open Directory refuses it; {@code trustchain: no such account: …} and exit 3. Anything
 * else (an osascript error, a sandbox refusal) is not understood, in the device's words.
 */
final class PasswordCheckParser {

  private PasswordCheckParser() {}

  /** Whether the password authenticates; null when the output did not say (field {@code password_authenticates}). */
  static Boolean parse(Reading r) {
    ToolOutput out = r.out();
    Boolean said = PasswordCheck.parse(new io.trustchain.transport.SectionResult("", out.exit(), out.stdout(),
        out.stderr()));
    if (said == null) {
      r.unexpectedExit("password_authenticates");
    }
    return said;
  }
}
