package io.trustchain.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code cat /var/db/trustchain-filevault-deferral}: when trustchain set up the deferred enablement
 * it manages (the line {@code date -u +%Y-%m-%dT%H:%M:%SZ} printed then), or nothing when the file is
 * absent ({@code cat: PATH: No such file or directory}, exit 1). macOS itself does not report a
 * deferral's age (macos-reference §9). Anything else leaves it unknown. Field: {@code *}.
 */
final class DeferralMarkerParser {

  private DeferralMarkerParser() {}

  static Optional<Instant> parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == 1 && out.stdout().isBlank() && out.stderr().contains("No such file or directory")) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return Optional.empty();
    }
    List<String> lines = out.stdoutLines();
    try {
      if (lines.size() == 1) {
        Instant since = Instant.parse(lines.get(0).strip());
        r.stderrNoise();
        return Optional.of(since);
      }
    } catch (DateTimeParseException e) {
      // noted below
    }
    r.output("the deferral marker holds one line YYYY-MM-DDTHH:MM:SSZ", Reading.ALL);
    return Optional.empty();
  }
}
