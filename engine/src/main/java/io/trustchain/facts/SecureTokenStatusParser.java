package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sysadminctl -secureTokenStatus NAME} (S1–S3): one NSLog line on stderr (stdout empty,
 * exit 0): {@code Secure token is ENABLED|DISABLED for user <RealName>}, or
 * {@code Unknown user NAME}. The name printed is the RealName, not the short name, so the caller
 * keys the answer on its section, never on the name in the line. Other lines (sysadminctl logs
 * {@code ### Error:…} lines, stdout should be empty) are noted without touching the answer; no
 * answer, two different answers, or another exit status leave it unknown. Field: {@code secure_token}.
 */
final class SecureTokenStatusParser {

  /** The answer; {@code UNREAD} when the output gave none. */
  enum TokenStatus {
    ENABLED, DISABLED, UNKNOWN_USER, UNREAD
  }

  private static final Pattern NSLOG_PREFIX =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} sysadminctl\\[\\d+:[0-9a-fA-F]+\\] ");
  private static final Pattern STATUS = Pattern.compile("^Secure token is (ENABLED|DISABLED) for user .*$");
  private static final Pattern UNKNOWN = Pattern.compile("^Unknown user .*$");
  private static final Pattern INTERNAL = Pattern.compile("^### Error:-?\\d+ .*$");

  private SecureTokenStatusParser() {}

  static TokenStatus parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit("secure_token");
      return TokenStatus.UNREAD;
    }
    TokenStatus found = null;
    java.util.List<String> unknown = new java.util.ArrayList<>();
    for (String line : out.stderrLines()) {
      String message = NSLOG_PREFIX.matcher(line).replaceFirst("").strip();
      Matcher m = STATUS.matcher(message);
      TokenStatus status = m.matches() ? TokenStatus.valueOf(m.group(1))
          : UNKNOWN.matcher(message).matches() ? TokenStatus.UNKNOWN_USER : null;
      if (status == null) {
        if (!INTERNAL.matcher(message).matches()) { // informational (### Error:…) lines may precede the answer
          unknown.add(line);
        }
      } else if (found != null && found != status) {
        r.output("two different answers", "secure_token");
        return TokenStatus.UNREAD;
      } else {
        found = status;
      }
    }
    if (found == null) {
      r.output("no 'Secure token is ENABLED|DISABLED for user …' line", "secure_token");
      return TokenStatus.UNREAD;
    }
    if (!unknown.isEmpty()) {
      r.lines("stderr", unknown, "unknown line");
    }
    if (!out.stdoutLines().isEmpty()) {
      r.lines("stdout", out.stdoutLines(), "unknown line (sysadminctl answers on stderr)");
    }
    return found;
  }
}
