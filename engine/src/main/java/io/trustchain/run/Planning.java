package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.HostErrorKind;
import io.trustchain.facts.FactsGatherer;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.LockNote;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connect → Gather → Plan, for every target, hosts in parallel up to the forks limit. The facts exec
 * also looks at the host's apply lock (owner file and the Mac's clock), so every run sees every
 * targeted host's lock without another round trip.
 */
public final class Planning {

  private final Fleet fleet;
  private final FactsSource facts;
  private final HostPlanner planner;
  private final int forks;
  private final RunListener listener;
  private final Duration timeout;
  private final LockInspector locks;
  private final boolean factsDigests;

  /**
   * Each host's connection is closed as soon as it is planned (apply opens a new one for its changes),
   * so memory stays flat in the number of hosts.
   *
   * @param locks judges the apply lock each host's facts exec finds (its note goes into the host's plan)
   */
  public Planning(Fleet fleet, FactsSource facts, HostPlanner planner, int forks, RunListener listener,
      Duration commandTimeout, LockInspector locks) {
    this(fleet, facts, planner, forks, listener, commandTimeout, locks, true);
  }

  /**
   * @param factsDigests whether each host's plan carries the digest of the facts it was made from: apply and a saved
   *     plan need it (the facts must not have moved before a change); a plan only shown never shows it, and the
   *     digest (the facts written as canonical JSON, hashed) was the largest cost of a host's plan beyond its facts
   */
  public Planning(Fleet fleet, FactsSource facts, HostPlanner planner, int forks, RunListener listener,
      Duration commandTimeout, LockInspector locks, boolean factsDigests) {
    this.factsDigests = factsDigests;
    this.fleet = fleet;
    this.facts = facts;
    this.planner = planner;
    this.forks = forks;
    this.listener = listener;
    this.timeout = commandTimeout;
    this.locks = locks;
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
          fleet.forget(t);
          listener.hostPlanned(plan != null ? plan : HostPlan.failed(t.host(), "planning did not finish"));
        }
      });
    } finally {
      listener.phaseFinished(phase);
    }
  }

  /** A host's facts and the apply lock seen in the same exec. */
  record Looked(HostFacts facts, Optional<LockNote> lock) {}

  /** Gathers {@code target}'s facts and looks at its apply lock, in one exec. */
  static Looked look(Transport transport, Target target, FactsSource facts, LockInspector locks, Duration timeout)
      throws TransportException, FactParseException {
    ScriptBuilder b = new ScriptBuilder();
    ApplyLock.look(b);
    FactsGatherer.Embedded embedded = facts.embed(b, target.needs());
    RemoteScript script = b.build(timeout);
    ExecResult result = transport.exec(script);
    Map<String, SectionResult> sections = Sections.parse(result, script.nonce());
    Optional<LockNote> lock = locks.note(ApplyLock.readLook(sections));
    return new Looked(embedded.read(target.host(), result, sections), lock);
  }

  HostPlan planHost(Target target) {
    try {
      listener.hostStep(target.host(), "connecting");
      Transport transport = fleet.transport(target);
      listener.hostStep(target.host(), "gathering facts");
      Looked looked = look(transport, target, facts, locks, timeout);
      HostFacts gathered = looked.facts();
      String digest = factsDigests ? facts.digest(gathered) : "";
      return planner.plan(target.host(), gathered, digest, target.resources(), target.wayIn()).withLock(looked.lock());
    } catch (TransportException e) {
      fleet.forget(target);
      return HostPlan.failed(target.host(), HostErrorKind.of(e), HostErrors.describe(e));
    } catch (FactParseException e) {
      return HostPlan.failed(target.host(), "cannot read the facts: " + e.getMessage());
    }
  }
}
