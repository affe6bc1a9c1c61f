package io.trustchain.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code date -u +%Y-%m-%dT%H:%M:%SZ}: the Mac's clock, which dates deferrals and recovery keys
 * (both are dated by the Mac, so ages are measured on the Mac's clock). Anything but one such line
 * leaves it unknown. Field: {@code *}.
 */
final class ClockParser {

  private ClockParser() {}

  /** The Mac's time, or null when not read. */
  static Instant parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return null;
    }
    List<String> lines = out.stdoutLines();
    try {
      if (lines.size() == 1) {
        Instant now = Instant.parse(lines.get(0).strip());
        r.stderrNoise();
        return now;
      }
    } catch (DateTimeParseException e) {
      // noted below
    }
    r.output("one line YYYY-MM-DDTHH:MM:SSZ was expected", Reading.ALL);
    return null;
  }
}
