package io.trustchain.plan;

import java.time.Instant;
import java.util.List;

/** The whole plan: versioned data, rendered by the views and saved by {@code plan --out}. */
public record Plan(
    int formatVersion, Instant createdAt, String engineVersion, String documentsDigest, List<HostPlan> hosts) {

  public static final int FORMAT_VERSION = 1;

  public Plan {
    hosts = List.copyOf(hosts);
  }

  public boolean hasChanges() {
    return hosts.stream().anyMatch(HostPlan::hasChanges);
  }

  public boolean hasDrift() {
    return hosts.stream().anyMatch(HostPlan::hasDrift);
  }

  /** The hosts on which an apply lock was found while planning (drift for {@code --detailed-exitcode}). */
  public List<HostPlan> locked() {
    return hosts.stream().filter(h -> h.lock().isPresent()).toList();
  }

  public long drifted() {
    return hosts.stream().flatMap(h -> h.changes().stream()).filter(Change::drifted).count();
  }

  public boolean ok() {
    return hosts.stream().allMatch(HostPlan::ok);
  }

  /** Whether every host may be applied and every resource was decided. */
  public boolean complete() {
    return hosts.stream().allMatch(HostPlan::complete);
  }

  public long undecided() {
    return hosts.stream().mapToLong(h -> h.undecided().size()).sum();
  }

  public long warnings() {
    return hosts.stream().mapToLong(h -> h.warnings().size() + h.unmatched().size()).sum();
  }

  /** Unmanaged token holders across the hosts. */
  public long unmanagedTokens() {
    return hosts.stream().mapToLong(h -> h.tokens().unmanaged().size()).sum();
  }

  /** Managed accounts holding a token on some hosts only (no document says whether they must). */
  public List<MixedTokens> mixedTokens() {
    return MixedTokens.of(hosts);
  }

  public long count(Action action) {
    return hosts.stream().mapToLong(h -> h.count(action)).sum();
  }
}
