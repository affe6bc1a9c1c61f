package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profiles status -type bootstraptoken} (S48–S50): {@code profiles: Bootstrap Token
 * supported on server: YES|NO} and, only when supported, {@code profiles: Bootstrap Token escrowed
 * to server: YES|NO} (the FileWave KB wording {@code escrowed on server} is accepted too). A
 * missing escrow line means not escrowed.
 */
final class BootstrapTokenParser {

  private static final Pattern SUPPORTED =
      Pattern.compile("^(?:profiles: )?Bootstrap Token supported on server: (YES|NO)$");
  private static final Pattern ESCROWED =
      Pattern.compile("^(?:profiles: )?Bootstrap Token escrowed (?:to|on) server: (YES|NO)$");

  private BootstrapTokenParser() {}

  static BootstrapTokenFacts parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    Boolean supported = null;
    Boolean escrowed = null;
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher s = SUPPORTED.matcher(line);
      Matcher e = ESCROWED.matcher(line);
      if (s.matches() && supported == null) {
        supported = s.group(1).equals("YES");
      } else if (e.matches() && escrowed == null) {
        escrowed = e.group(1).equals("YES");
      } else {
        throw out.fail("unrecognised line '" + line + "'");
      }
    }
    if (supported == null) {
      throw out.fail("no 'Bootstrap Token supported on server' line");
    }
    return new BootstrapTokenFacts(supported, escrowed != null && escrowed);
  }
}
