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
 * @param error why the host could not be planned at all (unreachable, not a Mac)
 * @param factsDigest SHA-256 of the canonical facts JSON the plan was built from
 * @param problems refusals: the host is not applied while any exist
 * @param tokens Secure Token holders beyond what the documents decide (warnings, never refusals)
 * @param lock the apply lock found on the host while gathering its facts (empty when it has none)
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
    TokenReport tokens,
    Optional<LockNote> lock,
    Optional<HostErrorKind> errorKind,
    List<Undecided> undecided,
    List<NotUnderstood> warnings,
    List<Unmatched> unmatched) {

  public HostPlan {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
    tokens = tokens == null ? TokenReport.NONE : tokens;
    lock = lock == null ? Optional.empty() : lock;
    errorKind = errorKind == null ? Optional.empty() : errorKind;
    undecided = undecided == null ? List.of() : List.copyOf(undecided);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
  }

  /** A plan with every fact understood. */
  public HostPlan(String host, Optional<OsFacts> os, Optional<String> error, String factsDigest, List<Change> changes,
      List<PlanProblem> problems, TokenReport tokens, Optional<LockNote> lock) {
    this(host, os, error, factsDigest, changes, problems, tokens, lock, Optional.empty(), List.of(), List.of(),
        List.of());
  }

  /** A plan without a lock seen. */
  public HostPlan(String host, Optional<OsFacts> os, Optional<String> error, String factsDigest, List<Change> changes,
      List<PlanProblem> problems, TokenReport tokens) {
    this(host, os, error, factsDigest, changes, problems, tokens, Optional.empty());
  }

  /** A plan without a token report. */
  public HostPlan(String host, Optional<OsFacts> os, Optional<String> error, String factsDigest, List<Change> changes,
      List<PlanProblem> problems) {
    this(host, os, error, factsDigest, changes, problems, TokenReport.NONE);
  }

  /** This plan with {@code report}. */
  public HostPlan withTokens(TokenReport report) {
    return new HostPlan(host, os, error, factsDigest, changes, problems, report, lock, errorKind, undecided, warnings,
        unmatched);
  }

  /** This plan with the apply lock seen on the host. */
  public HostPlan withLock(Optional<LockNote> seen) {
    return new HostPlan(host, os, error, factsDigest, changes, problems, tokens, seen, errorKind, undecided, warnings,
        unmatched);
  }

  /** This plan with what was not understood: undecided resources, warnings, unmatched rows. */
  public HostPlan withNotUnderstood(List<Undecided> which, List<NotUnderstood> warned, List<Unmatched> rows) {
    return new HostPlan(host, os, error, factsDigest, changes, problems, tokens, lock, errorKind, which, warned, rows);
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
    return new HostPlan(host, Optional.empty(), Optional.of(error), "", List.of(), List.of(), TokenReport.NONE,
        Optional.empty(), Optional.ofNullable(kind), List.of(), List.of(), List.of());
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

  /**
   * How many SSH execs applying this host takes: (1) facts and a look at the lock, (2) the lock and the
   * changes, each behind its guards, (3) verify and release; each capture or escrow step after the first (a
   * secret the controller escrows before the commands after it run) costs one more. 1 when nothing changes.
   */
  public int applyRoundTrips() {
    if (!hasChanges()) {
      return 1;
    }
    long captures = changes.stream().filter(c -> c.action().isChange())
        .flatMap(c -> c.commands().stream()).filter(io.trustchain.transport.Command::endsExec).count();
    return (int) Math.max(3, 2 + captures);
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
