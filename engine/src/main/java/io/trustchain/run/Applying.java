package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanException;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.PlanContext;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apply → Verify for one host. Before each change the facts are read again and the resource is
 * planned again (pyinfra v3's lesson: plan-time facts go stale once earlier changes alter the Mac);
 * if it now plans something else than what was shown, the host stops. A change's commands run in one
 * exec and stop at the first non-zero exit. Verify gathers once more and re-plans every resource:
 * anything still changing is "not converged", reported with the device's own words (macOS tools
 * print "Done!" and exit 0 when they refuse).
 */
public final class Applying {

  private final Fleet fleet;
  private final FactsSource facts;
  private final HostPlanner planner;
  private final Duration commandTimeout;

  public Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout) {
    this.fleet = fleet;
    this.facts = facts;
    this.planner = planner;
    this.commandTimeout = commandTimeout;
  }

  public HostOutcome apply(Target target, HostPlan plan) {
    return apply(target, plan, RunListener.NONE, StopSignal.create());
  }

  /**
   * Applies and verifies one host, telling {@code listener} each step. Once {@code stop} is raised,
   * no further change starts (those left are "not run"); the host is still verified.
   */
  public HostOutcome apply(Target target, HostPlan plan, RunListener listener, StopSignal stop) {
    if (!plan.ok()) {
      return HostOutcome.refused(plan);
    }
    List<ChangeOutcome> outcomes = new ArrayList<>();
    Map<Object, String> words = new HashMap<>();
    Optional<String> failure = Optional.empty();
    try {
      Transport transport = fleet.transport(target);
      for (Change planned : plan.changes()) {
        if (failure.isPresent()) {
          if (planned.action().isChange()) {
            outcomes.add(new ChangeOutcome(planned, ChangeOutcome.Status.NOT_RUN, "not run: the host stopped earlier", ""));
          }
          continue;
        }
        if (!planned.action().isChange()) {
          continue;
        }
        if (stop.stopped()) {
          outcomes.add(new ChangeOutcome(planned, ChangeOutcome.Status.NOT_RUN,
              "not run: " + stop.reason().orElse("the run was stopped"), ""));
          continue;
        }
        listener.hostStep(target.host(), planned.address().toString());
        ChangeOutcome outcome = applyOne(target, transport, planned);
        outcomes.add(outcome);
        words.put(planned.address(), outcome.deviceWords());
        if (outcome.status() == ChangeOutcome.Status.FAILED) {
          failure = Optional.of(planned.address() + ": " + outcome.message());
        }
      }
      if (failure.isPresent()) {
        return new HostOutcome(target.host(), HostOutcome.Status.FAILED, failure, outcomes, List.of(), List.of());
      }
      listener.hostStep(target.host(), "verifying");
      return verify(target, transport, outcomes, words);
    } catch (TransportException e) {
      fleet.forget(target);
      return new HostOutcome(target.host(), HostOutcome.Status.FAILED, Optional.of(HostErrors.describe(e)),
          outcomes, List.of(), List.of());
    } catch (FactParseException e) {
      return new HostOutcome(target.host(), HostOutcome.Status.FAILED,
          Optional.of("cannot read the facts: " + e.getMessage()), outcomes, List.of(), List.of());
    }
  }

  private ChangeOutcome applyOne(Target target, Transport transport, Change planned)
      throws TransportException, FactParseException {
    BoundResource<?> resource = target.resource(planned.address()).orElseThrow(() ->
        new IllegalStateException("the plan names " + planned.address() + " which the documents do not declare"));
    HostFacts fresh = facts.gather(transport, target.needs());
    Change now;
    try {
      now = replan(target.host(), resource, fresh);
    } catch (PlanException e) {
      return new ChangeOutcome(planned, ChangeOutcome.Status.FAILED,
          "cannot be applied any more: " + e.getMessage(), "");
    }
    if (!now.action().isChange()) {
      return new ChangeOutcome(planned, ChangeOutcome.Status.ALREADY_CONVERGED,
          now.action() == Action.PENDING ? "now pending: " + now.reason() : "already converged", "");
    }
    if (!now.commands().equals(planned.commands())) {
      return new ChangeOutcome(planned, ChangeOutcome.Status.FAILED,
          "the Mac changed since the plan was made (it now plans: " + now.reason() + "); run plan again", "");
    }
    return new ChangeRun(transport, commandTimeout, target.host(), target.needs().escrow()).run(planned);
  }

  private HostOutcome verify(Target target, Transport transport, List<ChangeOutcome> outcomes, Map<Object, String> words)
      throws TransportException, FactParseException {
    HostFacts after = facts.gather(transport, target.needs());
    HostPlan again = planner.plan(target.host(), after, facts.digest(after), target.resources());
    if (!again.ok()) {
      String why = again.error().orElseGet(() -> again.problems().get(0).toString());
      return new HostOutcome(target.host(), HostOutcome.Status.FAILED,
          Optional.of("after apply the host cannot be planned: " + why), outcomes, List.of(), List.of());
    }
    List<NotConverged> left = new ArrayList<>();
    List<Change> pending = new ArrayList<>();
    for (Change c : again.changes()) {
      if (c.action().isChange()) {
        left.add(new NotConverged(c, words.getOrDefault(c.address(), "")));
      } else if (c.action() == Action.PENDING) {
        pending.add(c);
      }
    }
    HostOutcome.Status status = left.isEmpty() ? HostOutcome.Status.CONVERGED : HostOutcome.Status.NOT_CONVERGED;
    return new HostOutcome(target.host(), status, Optional.empty(), outcomes, left, pending);
  }

  private static <P extends Record> Change replan(String host, BoundResource<P> r, HostFacts facts)
      throws PlanException {
    return r.module().plan(r.address(), r.params(), new PlanContext(host, facts, facts, r.credential()));
  }
}
