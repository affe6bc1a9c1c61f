package io.trustchain.run;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Undecided;
import java.util.List;
import java.util.Optional;

/** The result of applying one host's plan and verifying it. */
public record HostOutcome(
    String host,
    Status status,
    Optional<String> error,
    List<ChangeOutcome> changes,
    List<NotConverged> notConverged,
    List<Change> pending,
    List<Undecided> undecided) {

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
    undecided = undecided == null ? List.of() : List.copyOf(undecided);
  }

  /** An outcome where every resource was decided. */
  public HostOutcome(String host, Status status, Optional<String> error, List<ChangeOutcome> changes,
      List<NotConverged> notConverged, List<Change> pending) {
    this(host, status, error, changes, notConverged, pending, List.of());
  }

  /** This outcome, with resources that could not be planned (a fact was not understood). */
  public HostOutcome undecided(List<Undecided> which) {
    return new HostOutcome(host, status, error, changes, notConverged, pending, which);
  }

  static HostOutcome refused(HostPlan plan) {
    if (plan.error().isPresent()) {
      return new HostOutcome(plan.host(), Status.FAILED, plan.error(), List.of(), List.of(), List.of());
    }
    String why = plan.problems().size() == 1 ? plan.problems().get(0).toString()
        : plan.problems().size() + " problems (see the plan above)";
    return new HostOutcome(plan.host(), Status.REFUSED, Optional.of(why), List.of(), List.of(), List.of());
  }

  /** Converged, and every resource could be planned. */
  public boolean ok() {
    return status == Status.CONVERGED && undecided.isEmpty();
  }

  public long applied() {
    return changes.stream().filter(c -> c.status() == ChangeOutcome.Status.APPLIED).count();
  }
}
