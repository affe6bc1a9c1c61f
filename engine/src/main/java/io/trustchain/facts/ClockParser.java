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

  /** 0000-01-01T00:00:00Z and +10000-01-01T00:00:00Z in seconds since the epoch: {@link #text}'s range. */
  private static final long YEAR_0 = -62_167_219_200L;
  private static final long YEAR_10000 = 253_402_300_800L;

  private ClockParser() {}

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /**
   * {@code at.toString()} (ISO-8601, UTC), written by hand for the instants {@link #parse} gives (whole seconds,
   * years 0 to 9999): {@code Instant.toString}'s formatter cost ≈0.1 ms of client CPU a host under C1 (JFR, facts
   * at N = 1,000). Any other instant goes to {@code Instant.toString}.
   */
  static String text(Instant at) {
    if (at.getNano() != 0 || at.getEpochSecond() < YEAR_0 || at.getEpochSecond() >= YEAR_10000) {
      return at.toString();
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] c = "0000-00-00T00:00:00Z".toCharArray();
    digits(c, 0, 4, t.getYear());
    digits(c, 5, 2, t.getMonthValue());
    digits(c, 8, 2, t.getDayOfMonth());
    digits(c, 11, 2, t.getHour());
    digits(c, 14, 2, t.getMinute());
    digits(c, 17, 2, t.getSecond());
    return new String(c);
  }

  private static void digits(char[] c, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
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
