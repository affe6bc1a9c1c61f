package io.trustchain.plan;

import io.trustchain.facts.HostErrorKind;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.OsFacts;
import io.trustchain.facts.Unmatched;
import java.util.List;
import java.util.Optional;

/**
 * The plan of one host, in apply order.
 *
 * @param os what the host runs, for the rendered header; empty when unreachable
 * @param error why the host could not be planned at all (unreachable, unparseable facts)
 * @param factsDigest SHA-256 of the canonical facts JSON the plan was built from
 * @param problems refusals: the host is not applied while any exist
 * @param errorKind the machine-readable kind of {@code error}
 * @param undecided resources that cannot be planned: a fact their decision needs was not understood;
 *     the other changes still apply, but the host is not complete
 * @param warnings what the Mac printed that no parser understood and no decision rests on
 * @param unmatched listing rows that name no local account
 */
public record HostPlan(
    String host,
    Optional<OsFacts> os,
    Optional<String> error,
    String factsDigest,
    List<Change> changes,
    List<PlanProblem> problems,
    Optional<HostErrorKind> errorKind,
    List<Undecided> undecided,
    List<NotUnderstood> warnings,
    List<Unmatched> unmatched) {

  public HostPlan {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
    errorKind = errorKind == null ? Optional.empty() : errorKind;
    undecided = undecided == null ? List.of() : List.copyOf(undecided);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
  }

  /** A plan with every fact understood. */
  public HostPlan(String host, Optional<OsFacts> os, Optional<String> error, String factsDigest, List<Change> changes,
      List<PlanProblem> problems) {
    this(host, os, error, factsDigest, changes, problems, Optional.empty(), List.of(), List.of(), List.of());
  }

  /** A host whose facts could not be gathered: its error reads {@code cannot reach HOST: WHY}. */
  public static HostPlan unreachable(String host, String why) {
    String reason = why == null || why.isBlank() ? "unreachable" : why;
    return failed(host, "cannot reach " + host + ": " + reason);
  }

  public static HostPlan failed(String host, String error) {
    return new HostPlan(host, Optional.empty(), Optional.of(error), "", List.of(), List.of());
  }

  /** A host that cannot be planned at all, with the machine-readable kind of why. */
  public static HostPlan failed(String host, HostErrorKind kind, String error) {
    return new HostPlan(host, Optional.empty(), Optional.of(error), "", List.of(), List.of(), Optional.ofNullable(kind),
        List.of(), List.of(), List.of());
  }

  /** Whether the host may be applied: no error, no problem (undecided resources do not stop the others). */
  public boolean ok() {
    return error.isEmpty() && problems.isEmpty();
  }

  /** Whether every resource was decided and nothing stops the host. */
  public boolean complete() {
    return ok() && undecided.isEmpty();
  }

  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().isChange());
  }

  /** Whether a pending change is overdue: nothing trustchain can run, but a difference all the same. */
  public boolean hasDrift() {
    return changes.stream().anyMatch(Change::drifted);
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
