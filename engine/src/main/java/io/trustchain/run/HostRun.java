package io.trustchain.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One host's part in a rollout: its outcome, how long it took, in which batch (1-based), and notes
 * worth reporting (a lock broken, a lock that could not be released).
 */
public record HostRun(String host, HostOutcome outcome, Duration took, int batch, List<String> notes) {

  public HostRun {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(took, "took == null");
    notes = List.copyOf(notes);
  }
}
