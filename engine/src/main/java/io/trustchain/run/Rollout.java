package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.plan.Action;
import io.trustchain.plan.HostPlan;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Apply as a rollout: the hosts in batches ({@link Serial}), hosts of a batch in parallel up to the
 * forks; each host with changes is checked against its saved facts fingerprint when applying a saved
 * plan (invariant 5), then locked on the Mac (invariant 6), applied, verified and unlocked by
 * {@link Applying} — also when it failed — and its connection closed. After a batch, the rollout halts when more than
 * {@code --max-fail-percent} of that batch's hosts failed (Ansible's max_fail_percentage: the
 * percentage must be exceeded), or, without that option, when every host of the batch failed (as
 * Ansible does); the remaining hosts are not attempted.
 */
public final class Rollout {

  /** How hosts are batched and when the rollout halts. */
  public record Options(Serial serial, OptionalInt maxFailPercent, int forks) {
    public Options {
      Objects.requireNonNull(serial, "serial == null");
      Objects.requireNonNull(maxFailPercent, "maxFailPercent == null");
    }
  }

  /** Told about each host as soon as it is done (the audit log). */
  @FunctionalInterface
  public interface Listener {
    void hostFinished(HostRun run);
  }

  private final Fleet fleet;
  private final FactsSource facts;
  private final Applying applying;
  private final HostLocks locks;
  private final Duration commandTimeout;
  private final boolean savedPlan;
  private final Options options;
  private final RunListener progress;
  private final StopSignal stop;
  private final Listener listener;

  /**
   * @param savedPlan whether the plans were saved earlier: each host is then gathered again under
   *     its lock and refused when its facts no longer match the plan's fingerprint
   */
  public Rollout(Fleet fleet, FactsSource facts, Applying applying, HostLocks locks, Duration commandTimeout,
      boolean savedPlan, Options options, RunListener progress, StopSignal stop, Listener listener) {
    this.fleet = fleet;
    this.facts = facts;
    this.applying = applying;
    this.locks = locks;
    this.commandTimeout = commandTimeout;
    this.savedPlan = savedPlan;
    this.options = options;
    this.progress = progress;
    this.stop = stop;
    this.listener = listener;
  }

  public RolloutResult run(List<Target> targets, List<HostPlan> plans) {
    Map<String, HostPlan> byHost = new HashMap<>();
    plans.forEach(p -> byHost.put(p.host(), p));
    List<List<Target>> batches = options.serial().batches(targets);
    List<HostRun> done = new ArrayList<>();
    Optional<String> halted = Optional.empty();
    List<String> notAttempted = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      List<Target> batch = batches.get(i);
      int number = i + 1;
      if (stop.stopped()) {
        batches.subList(i, batches.size()).forEach(b -> b.forEach(t -> notAttempted.add(t.host())));
        break;
      }
      RunPhase phase = RunPhase.applying(batch.size(), number, batches.size());
      progress.phaseStarted(phase);
      try {
        List<Optional<HostRun>> ran = Parallel.map(batch, options.forks(), t -> {
          if (stop.stopped()) {
            return Optional.empty(); // the operator asked to stop: no new host starts
          }
          return Optional.of(one(t, byHost.get(t.host()), number));
        });
        for (int k = 0; k < batch.size(); k++) {
          if (ran.get(k).isPresent()) {
            done.add(ran.get(k).get());
          } else {
            notAttempted.add(batch.get(k).host());
          }
        }
      } finally {
        progress.phaseFinished(phase);
      }
      long failed = done.stream().filter(r -> r.batch() == number && !r.outcome().ok()).count();
      if (number < batches.size() && !stop.stopped() && halts(failed, batch.size())) {
        halted = Optional.of(haltReason(number, batches.size(), failed, batch.size()));
        batches.subList(number, batches.size()).forEach(b -> b.forEach(t -> notAttempted.add(t.host())));
        break;
      }
    }
    if (stop.stopped() && halted.isEmpty()) {
      halted = Optional.of(stop.reason().orElse("the run was stopped") + ": no host or change was started after it"
          + (notAttempted.isEmpty() ? "" : "; not attempted: " + String.join(", ", notAttempted)));
    }
    List<List<String>> names = batches.stream().map(b -> b.stream().map(Target::host).toList()).toList();
    return new RolloutResult(done, names, halted, notAttempted);
  }

  private boolean halts(long failed, int size) {
    if (failed == 0) {
      return false;
    }
    return options.maxFailPercent().isPresent()
        ? failed * 100 > (long) options.maxFailPercent().getAsInt() * size
        : failed == size;
  }

  private String haltReason(int batch, int batches, long failed, int size) {
    String share = failed + " of " + size + (size == 1 ? " host" : " hosts") + " failed";
    return "the rollout halted after batch " + batch + " of " + batches + ": " + share
        + (options.maxFailPercent().isPresent()
            ? " (" + (failed * 100 / size) + "%, more than --max-fail-percent " + options.maxFailPercent().getAsInt() + ")"
            : " (every host of the batch; set --max-fail-percent to halt earlier)");
  }

  private HostRun one(Target target, HostPlan plan, int batch) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>();
    progress.hostStarted(target.host());
    HostOutcome outcome = outcome(target, plan, notes);
    HostRun run = new HostRun(target.host(), outcome, Duration.ofNanos(System.nanoTime() - start), batch, notes);
    listener.hostFinished(run);
    progress.hostApplied(run);
    return run;
  }

  private HostOutcome outcome(Target target, HostPlan plan, List<String> notes) {
    if (plan == null) {
      return failed(target, "no plan for this host");
    }
    try {
      HostPlan seen = plan;
      Optional<String> stale = Optional.empty();
      if (savedPlan && plan.error().isEmpty()) {
        progress.hostStep(target.host(), "checking facts");
        try {
          Planning.Looked now = Planning.look(fleet.transport(target), target, facts, locks.inspector(), commandTimeout);
          seen = plan.withLock(now.lock());
          if (plan.hasChanges() && !facts.digest(now.facts()).equals(plan.factsDigest())) {
            stale = Optional.of("saved plan is stale: facts for " + target.host()
                + " changed since the plan was made (run plan again)");
          }
        } catch (TransportException e) {
          fleet.forget(target);
          return failed(target, HostErrors.describe(e));
        } catch (FactParseException e) {
          return failed(target, "cannot read the facts: " + e.getMessage());
        }
      }
      if (seen.ok() && seen.hasChanges() && stale.isEmpty()) {
        progress.hostStep(target.host(), "applying");
        return applying.apply(target, seen, notes, progress, stop);
      }
      heal(target, seen, notes);
      if (stale.isPresent()) {
        return failed(target, stale.get());
      }
      if (!seen.ok()) {
        return HostOutcome.refused(seen);
      }
      return new HostOutcome(target.host(), HostOutcome.Status.CONVERGED, Optional.empty(), List.of(), List.of(),
          seen.changes().stream().filter(c -> c.action() == Action.PENDING).toList(), seen.undecided());
    } finally {
      fleet.forget(target); // one host's connection at a time per fork: memory stays flat in the number of hosts
    }
  }

  /**
   * A host this run changes nothing on still gets its lock looked after: broken when it may be (expired,
   * its process on this controller gone, {@code --force-unlock}), reported otherwise.
   */
  private void heal(Target target, HostPlan plan, List<String> notes) {
    if (plan.lock().isEmpty()) {
      return;
    }
    if (locks.breaking(plan.lock().get()).isPresent()) {
      progress.hostStep(target.host(), "breaking a lock");
    }
    try {
      locks.heal(target.host(), plan.lock().get(), () -> fleet.transport(target)).ifPresent(notes::add);
    } catch (TransportException e) {
      fleet.forget(target);
      notes.add("could not break the apply lock on " + target.host() + ": " + HostErrors.describe(e));
    }
  }

  private static HostOutcome failed(Target target, String why) {
    return new HostOutcome(target.host(), HostOutcome.Status.FAILED, Optional.of(why), List.of(), List.of(), List.of());
  }
}
