package io.trustchain.facts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code date -u +%Y-%m-%dT%H:%M:%SZ}: the Mac's clock, which dates deferrals and recovery keys
 * (both are dated by the Mac, so ages are measured on the Mac's clock). Anything but one such line
 * leaves it unknown. Field: {@code *}.
 */
final class ClockParser {

  /**
   * The one format {@code date -u +%Y-%m-%dT%H:%M:%SZ} prints. Matched by hand rather than by
   * {@code Instant.parse}, whose formatter machinery cost ≈0.25 ms of client CPU per host (JFR, N = 1,000).
   */
  private static final Pattern UTC = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})Z");

  private ClockParser() {}

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** The Mac's time, or null when not read. */
  static Instant parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return null;
    }
    List<String> lines = out.stdoutLines();
    Matcher m = lines.size() == 1 ? UTC.matcher(lines.get(0).strip()) : null;
    if (m != null && m.matches()) {
      try {
        Instant now = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
            number(m, 6)).toInstant(ZoneOffset.UTC);
        r.stderrNoise();
        return now;
      } catch (DateTimeException e) {
        // a field out of range (month 13, 24:00:00, a leap second): noted below
      }
    }
    r.output("one line YYYY-MM-DDTHH:MM:SSZ was expected", Reading.ALL);
    return null;
  }
}
