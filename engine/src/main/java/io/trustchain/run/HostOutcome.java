package io.trustchain.run;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import java.util.List;
import java.util.Optional;

/** The result of applying one host's plan and verifying it. */
public record HostOutcome(
    String host,
    Status status,
    Optional<String> error,
    List<ChangeOutcome> changes,
    List<NotConverged> notConverged,
    List<Change> pending) {

  public enum Status {
    /** Applied (or nothing to do) and verified: the host matches the desired state. */
    CONVERGED,
    /** Applied, but verify found resources that still differ. */
    NOT_CONVERGED,
    /** A change failed, the host was unreachable, or it changed since planning. */
    FAILED,
    /** Not applied: the plan had problems (safety invariants, refusals). */
    REFUSED
  }

  public HostOutcome {
    changes = List.copyOf(changes);
    notConverged = List.copyOf(notConverged);
    pending = List.copyOf(pending);
  }

  static HostOutcome refused(HostPlan plan) {
    if (plan.error().isPresent()) {
      return new HostOutcome(plan.host(), Status.FAILED, plan.error(), List.of(), List.of(), List.of());
    }
    String why = plan.problems().size() == 1 ? plan.problems().get(0).toString()
        : plan.problems().size() + " problems (see the plan above)";
    return new HostOutcome(plan.host(), Status.REFUSED, Optional.of(why), List.of(), List.of(), List.of());
  }

  public boolean ok() {
    return status == Status.CONVERGED;
  }

  public long applied() {
    return changes.stream().filter(c -> c.status() == ChangeOutcome.Status.APPLIED).count();
  }
}
