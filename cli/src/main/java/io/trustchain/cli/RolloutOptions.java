package io.trustchain.cli;

import io.trustchain.run.HostLocks;
import io.trustchain.run.Serial;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** How apply rolls out: batches, when to halt, and the per-host apply locks. */
public final class RolloutOptions {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  @Option(names = "--serial", paramLabel = "N|P%",
      description = "Apply in batches of N hosts, or P%% of the hosts (a list such as 1,10,25%% as Ansible's serial). "
          + "Default: all hosts in one batch.")
  String serial;

  @Option(names = "--max-fail-percent", paramLabel = "P",
      description = "Halt before the next batch when more than P%% of a batch's hosts failed (Ansible's "
          + "max_fail_percentage). Default: halt only when a whole batch failed.")
  Integer maxFailPercent;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for a host that another apply has locked (e.g. 30s, 5m). Default: "
          + "${DEFAULT-VALUE}: fail at once, naming the holder.")
  String lockTimeout;

  @Option(names = "--force-unlock", paramLabel = "RUN_ID",
      description = "Break the apply locks held by run RUN_ID (as plan and apply name it) on every targeted host, "
          + "changes or not, then apply; 'any' breaks whatever lock is there. Only for runs that are dead.")
  String forceUnlock;

  Serial serial() {
    if (serial == null || serial.isBlank()) {
      return Serial.all();
    }
    try {
      return Serial.parse(serial);
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
  }

  OptionalInt maxFailPercent() {
    if (maxFailPercent == null) {
      return OptionalInt.empty();
    }
    if (maxFailPercent < 0 || maxFailPercent > 100) {
      throw UserException.usage("--max-fail-percent takes a percentage from 0 to 100, not " + maxFailPercent);
    }
    return OptionalInt.of(maxFailPercent);
  }

  Duration lockTimeout() {
    return duration("--lock-timeout", lockTimeout);
  }

  Optional<String> forceUnlock() {
    if (forceUnlock == null) {
      return Optional.empty();
    }
    String id = forceUnlock.strip();
    if (!id.equals(HostLocks.ANY) && !id.matches("[0-9a-fA-F]{4,64}")) {
      throw UserException.usage("--force-unlock takes the run id of the lock's holder (hex digits, as the error "
          + "of a locked host names it) or 'any', not \"" + forceUnlock + "\"");
    }
    return Optional.of(id.equals(HostLocks.ANY) ? id : id.toLowerCase(java.util.Locale.ROOT));
  }

  /** Checks every option now, so usage errors come before anything is loaded. */
  void check() {
    serial();
    maxFailPercent();
    lockTimeout();
    forceUnlock();
  }

  static Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw UserException.usage(option + " takes a duration such as 30s, 5m or 1h, not \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
