package io.trustchain.run;

import java.util.List;
import java.util.Optional;

/**
 * What a rollout did: the hosts it ran (in target order), its batches, and, when it halted because
 * a batch failed too much, why and which hosts it never attempted.
 */
public record RolloutResult(List<HostRun> hosts, List<List<String>> batches, Optional<String> halted,
    List<String> notAttempted) {

  public RolloutResult {
    hosts = List.copyOf(hosts);
    batches = batches.stream().map(List::copyOf).toList();
    notAttempted = List.copyOf(notAttempted);
  }

  public List<HostOutcome> outcomes() {
    return hosts.stream().map(HostRun::outcome).toList();
  }

  /** Every host converged and every host was attempted. */
  public boolean ok() {
    return halted.isEmpty() && notAttempted.isEmpty() && hosts.stream().allMatch(h -> h.outcome().ok());
  }
}
