package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.HostPlan;
import io.trustchain.transport.TransportException;
import java.util.List;

/** Connect → Gather → Plan, for every target, hosts in parallel up to the forks limit. */
public final class Planning {

  private final Fleet fleet;
  private final FactsSource facts;
  private final HostPlanner planner;
  private final int forks;
  private final RunListener listener;
  private boolean release;

  public Planning(Fleet fleet, FactsSource facts, HostPlanner planner, int forks, RunListener listener) {
    this.fleet = fleet;
    this.facts = facts;
    this.planner = planner;
    this.forks = forks;
    this.listener = listener;
  }

  /**
   * Closes each host's connection as soon as that host is planned: for {@code plan}, which needs none
   * afterwards, so memory stays flat in the number of hosts. ({@code apply} keeps them for the run.)
   */
  public Planning releasingConnections() {
    this.release = true;
    return this;
  }

  public List<HostPlan> plan(List<Target> targets) {
    RunPhase phase = RunPhase.planning(targets.size());
    listener.phaseStarted(phase);
    try {
      return Parallel.map(targets, forks, t -> {
        HostPlan plan = null;
        try {
          listener.hostStarted(t.host());
          plan = planHost(t);
          return plan;
        } finally {
          if (release) {
            fleet.forget(t);
          }
          listener.hostPlanned(plan != null ? plan : HostPlan.failed(t.host(), "planning did not finish"));
        }
      });
    } finally {
      listener.phaseFinished(phase);
    }
  }

  HostPlan planHost(Target target) {
    try {
      listener.hostStep(target.host(), "connecting");
      var transport = fleet.transport(target);
      listener.hostStep(target.host(), "gathering facts");
      HostFacts gathered = facts.gather(transport, target.needs());
      return planner.plan(target.host(), gathered, facts.digest(gathered), target.resources());
    } catch (TransportException e) {
      fleet.forget(target);
      return HostPlan.failed(target.host(), HostErrors.describe(e));
    } catch (FactParseException e) {
      return HostPlan.failed(target.host(), "cannot read the facts: " + e.getMessage());
    }
  }
}
