package io.trustchain.facts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code cat /var/db/trustchain-filevault-deferral}: when trustchain set up the deferred enablement
 * it manages (the line {@code date -u +%Y-%m-%dT%H:%M:%SZ} printed then), or nothing when the file is
 * absent ({@code cat: PATH: No such file or directory}, exit 1). macOS itself does not report a
 * deferral's age (macos-reference §9).
 */
final class DeferralMarkerParser {

  private DeferralMarkerParser() {}

  static Optional<Instant> parse(ToolOutput out) throws FactParseException {
    if (out.exit() == 1 && out.stdout().isBlank() && out.stderr().contains("No such file or directory")) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() != 1) {
      throw out.fail("the deferral marker holds one line YYYY-MM-DDTHH:MM:SSZ");
    }
    try {
      return Optional.of(Instant.parse(lines.get(0).strip()));
    } catch (DateTimeParseException e) {
      throw out.fail("the deferral marker's '" + lines.get(0).strip() + "' is not YYYY-MM-DDTHH:MM:SSZ");
    }
  }
}
