package io.trustchain.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cat /var/db/trustchain-filevault-deferral}: when trustchain set up the deferred enablement
 * it manages and with which options — the line {@code date -u '+%Y-%m-%dT%H:%M:%SZ force_at_login=N
 * ask_at_logout=B'} printed then ({@code force_at_login=default} when none was given); a marker
 * written by an older trustchain holds the date alone — or nothing when the file is absent
 * ({@code cat: PATH: No such file or directory}, exit 1). macOS itself reports neither a deferral's
 * age nor, for a command-line deferral, its options (macos-reference §9). Anything else leaves the
 * marker unknown. Field: {@code *}.
 */
final class DeferralMarkerParser {

  /** What the marker says. */
  record Marker(Instant since, DeferralOptions options) {}

  private static final Pattern OPTIONS =
      Pattern.compile("force_at_login=(default|-?[0-9]{1,5}) ask_at_logout=(true|false)");

  private DeferralMarkerParser() {}

  static Optional<Marker> parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == 1 && out.stdout().isBlank() && out.stderr().contains("No such file or directory")) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return Optional.empty();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() != 1) {
      r.output("the deferral marker holds one line YYYY-MM-DDTHH:MM:SSZ [force_at_login=N ask_at_logout=B]",
          Reading.ALL);
      return Optional.empty();
    }
    String line = lines.get(0).strip();
    int space = line.indexOf(' ');
    String date = space < 0 ? line : line.substring(0, space);
    Instant since;
    try {
      since = Instant.parse(date);
    } catch (DateTimeParseException e) {
      r.output("the deferral marker's date is not YYYY-MM-DDTHH:MM:SSZ", Reading.ALL);
      return Optional.empty();
    }
    r.stderrNoise();
    if (space < 0) {
      return Optional.of(new Marker(since, null));
    }
    Matcher m = OPTIONS.matcher(line.substring(space + 1));
    if (!m.matches()) {
      r.output("the deferral marker's options are not force_at_login=N ask_at_logout=true|false", Reading.ALL);
      return Optional.empty();
    }
    Integer force = m.group(1).equals("default") ? null : Integer.valueOf(m.group(1));
    return Optional.of(new Marker(since, new DeferralOptions(force, Boolean.parseBoolean(m.group(2)))));
  }
}
