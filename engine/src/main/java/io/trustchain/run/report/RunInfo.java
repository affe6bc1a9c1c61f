package io.trustchain.run.report;

import io.trustchain.run.RunIdentity;
import io.trustchain.run.Serial;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the reports and the audit log say about the run itself.
 *
 * @param command {@code apply} or {@code plan}
 * @param savedPlan the plan file applied, when one was
 */
public record RunInfo(RunIdentity identity, String command, Optional<String> savedPlan, Instant started,
    Serial serial, OptionalInt maxFailPercent, Optional<String> shard, String engineVersion) {

  public RunInfo {
    Objects.requireNonNull(identity, "identity == null");
    Objects.requireNonNull(command, "command == null");
    Objects.requireNonNull(savedPlan, "savedPlan == null");
    Objects.requireNonNull(started, "started == null");
    Objects.requireNonNull(serial, "serial == null");
    Objects.requireNonNull(maxFailPercent, "maxFailPercent == null");
    Objects.requireNonNull(shard, "shard == null");
    Objects.requireNonNull(engineVersion, "engineVersion == null");
  }
}
