package io.trustchain.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code date -u +%Y-%m-%dT%H:%M:%SZ}: the Mac's clock, which dates deferrals and recovery keys
 * (both are dated by the Mac, so ages are measured on the Mac's clock).
 */
final class ClockParser {

  private ClockParser() {}

  static Instant parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() != 1) {
      throw out.fail("one line YYYY-MM-DDTHH:MM:SSZ was expected");
    }
    try {
      return Instant.parse(lines.get(0).strip());
    } catch (DateTimeParseException e) {
      throw out.fail("'" + lines.get(0).strip() + "' is not YYYY-MM-DDTHH:MM:SSZ");
    }
  }
}
