package io.trustchain.run;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.ResourceAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's outcome from what its execs said ({@link ChangeLedger}) and the facts gathered after them:
 * every resource is planned again, and whatever still plans a change did not converge. A change whose
 * exec never answered is judged by those facts: applied when its resource now needs nothing, not
 * applied when it still plans the same commands, partly applied otherwise.
 */
final class Verdict {

  private final Target target;
  private final HostPlanner planner;
  private final ChangeLedger ledger;
  private final ChangeScript script;

  Verdict(Target target, HostPlanner planner, ChangeLedger ledger, ChangeScript script) {
    this.target = target;
    this.planner = planner;
    this.ledger = ledger;
    this.script = script;
  }

  static HostOutcome failed(String host, String why) {
    return new HostOutcome(host, HostOutcome.Status.FAILED, Optional.of(why), List.of(), List.of(), List.of());
  }

  /**
   * @param after the facts gathered after the changes, null when they could not be
   * @param verifyProblem why they could not, or null
   * @param lost why an exec never answered (the connection dropped, it timed out), or null
   */
  HostOutcome outcome(HostFacts after, String verifyProblem, String lost) {
    Map<ResourceAddress, Change> now = new HashMap<>();
    List<Change> pending = new ArrayList<>();
    List<Change> still = new ArrayList<>();
    List<io.trustchain.plan.Undecided> undecided = List.of();
    if (after != null) {
      HostPlan again = planner.plan(target.host(), after, "", target.resources(), target.wayIn());
      undecided = again.undecided();
      if (!again.ok()) {
        verifyProblem = "after apply the host cannot be planned: "
            + again.error().orElseGet(() -> again.problems().get(0).toString());
      } else {
        for (Change c : again.changes()) {
          now.put(c.address(), c);
          if (c.action() == Action.PENDING) {
            pending.add(c);
          } else if (c.action().isChange()) {
            still.add(c);
          }
        }
      }
    }
    boolean verified = verifyProblem == null && after != null;
    List<ChangeOutcome> outcomes = new ArrayList<>();
    Map<ResourceAddress, String> words = new HashMap<>();
    String firstFailure = null;
    for (int i = 0; i < script.changes().size(); i++) {
      Change planned = script.changes().get(i);
      Change current = verified ? now.get(planned.address()) : null;
      ChangeOutcome o = judge(i, planned, current);
      outcomes.add(o);
      words.put(planned.address(), ledger.words(i));
      if (o.status() == ChangeOutcome.Status.FAILED && firstFailure == null) {
        firstFailure = planned.address() + ": " + o.message();
      }
    }
    List<NotConverged> left = new ArrayList<>();
    for (Change c : still) {
      boolean ranAndFailed = outcomes.stream().anyMatch(o -> o.change().address().equals(c.address())
          && (o.status() == ChangeOutcome.Status.FAILED || o.status() == ChangeOutcome.Status.NOT_RUN));
      if (!ranAndFailed) {
        left.add(new NotConverged(c, words.getOrDefault(c.address(), "")));
      }
    }
    if (!verified) {
      String first = firstFailure != null ? firstFailure : lost;
      String why = (first != null ? first + "; " : "") + (verifyProblem != null ? verifyProblem : "not verified");
      return new HostOutcome(target.host(), HostOutcome.Status.FAILED, Optional.of(why), outcomes, left, pending,
          undecided);
    }
    if (firstFailure != null) {
      return new HostOutcome(target.host(), HostOutcome.Status.FAILED, Optional.of(firstFailure), outcomes, left,
          pending, undecided);
    }
    // resources that cannot be planned (a fact was not understood) keep the host from being ok
    return new HostOutcome(target.host(), left.isEmpty() ? HostOutcome.Status.CONVERGED
        : HostOutcome.Status.NOT_CONVERGED, Optional.empty(), outcomes, left, pending, undecided);
  }

  private ChangeOutcome judge(int i, Change planned, Change current) {
    String said = ledger.words(i);
    String message = ledger.message(i);
    return switch (ledger.state(i)) {
      case APPLIED -> new ChangeOutcome(planned, ChangeOutcome.Status.APPLIED, "applied", said);
      case FAILED -> ledger.aborted(i) && current != null && !current.action().isChange()
          ? new ChangeOutcome(planned, ChangeOutcome.Status.ALREADY_CONVERGED,
              "the Mac already matched the document when apply reached it", said)
          : new ChangeOutcome(planned, ChangeOutcome.Status.FAILED, message, said);
      case NOT_RUN, WAITING -> new ChangeOutcome(planned, ChangeOutcome.Status.NOT_RUN,
          message == null ? "not run" : message, said);
      case UNKNOWN -> {
        if (current == null) {
          yield new ChangeOutcome(planned, ChangeOutcome.Status.FAILED,
              "unknown: " + message + ", and the host could not be verified", said);
        }
        if (!current.action().isChange()) {
          yield new ChangeOutcome(planned, ChangeOutcome.Status.APPLIED,
              "applied (verified after its exec never answered)", said);
        }
        if (current.commands().equals(planned.commands())) {
          yield new ChangeOutcome(planned, ChangeOutcome.Status.FAILED,
              "not applied: " + message + ", and the Mac shows it was not done", said);
        }
        yield new ChangeOutcome(planned, ChangeOutcome.Status.FAILED,
            "partly applied: " + message + "; the Mac now plans: " + current.reason(), said);
      }
    };
  }
}
