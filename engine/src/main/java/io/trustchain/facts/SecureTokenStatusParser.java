package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sysadminctl -secureTokenStatus NAME} (S1–S3): one NSLog line on stderr (stdout empty,
 * exit 0): {@code Secure token is ENABLED|DISABLED for user <RealName>}, or
 * {@code Unknown user NAME}. The name printed is the RealName, not the short name, so the caller
 * keys the answer on its section, never on the name in the line.
 */
final class SecureTokenStatusParser {

  /** The answer. */
  enum TokenStatus {
    ENABLED, DISABLED, UNKNOWN_USER
  }

  private static final Pattern NSLOG_PREFIX =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} sysadminctl\\[\\d+:[0-9a-fA-F]+\\] ");
  private static final Pattern STATUS = Pattern.compile("^Secure token is (ENABLED|DISABLED) for user .*$");
  private static final Pattern UNKNOWN = Pattern.compile("^Unknown user .*$");

  private SecureTokenStatusParser() {}

  static TokenStatus parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    TokenStatus found = null;
    for (String line : out.stderrLines()) {
      String message = NSLOG_PREFIX.matcher(line).replaceFirst("");
      Matcher m = STATUS.matcher(message);
      TokenStatus status = m.matches() ? TokenStatus.valueOf(m.group(1))
          : UNKNOWN.matcher(message).matches() ? TokenStatus.UNKNOWN_USER : null;
      if (status == null) {
        continue; // informational lines (### Error:…) may precede the answer
      }
      if (found != null && found != status) {
        throw out.fail("contradictory answers");
      }
      found = status;
    }
    if (found == null) {
      throw out.fail("no 'Secure token is ENABLED|DISABLED for user …' line");
    }
    return found;
  }
}
