package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsGatherer;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apply → Verify for one host, in as few execs as the changes allow ({@link ChangeScript}): the first
 * takes the Mac's apply lock and runs the changes, each behind its guards (the facts it depends on,
 * checked on the Mac right before it: pyinfra v3's lesson that plan-time facts go stale, without a
 * re-read per change); a capture ends an exec so its secret is escrowed before the commands after it
 * run; the last exec runs what is left, gathers the facts again and releases the lock. Verify re-plans
 * every resource from those facts: anything still changing is "not converged", reported with the
 * device's own words (macOS tools print "Done!" and exit 0 when they refuse).
 *
 * <p>When an exec's connection drops (or it times out), nothing more is sent for the changes: the host
 * is reached again ({@link Reconnect}) to gather, verify and release, so a change that took effect is
 * reported as applied and one that did not as not applied. After a timeout the lock is released only when
 * the Mac confirmed the command dead ({@link TransportException#knownDead()}: trustchain's watchdog killed
 * its process group); otherwise it stays, marked, and the host's notes say so with the run id.
 */
public final class Applying {

  private final Fleet fleet;
  private final FactsSource facts;
  private final HostPlanner planner;
  private final Duration commandTimeout;
  private final HostLocks locks;
  private final Reconnect reconnect;
  private final ApplyJournal journal;
  private final SecretResolver secrets;

  public Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout, HostLocks locks) {
    this(fleet, facts, planner, commandTimeout, locks, ApplyJournal.NONE);
  }

  /** @param journal where each change's intent is written (and on disk) before its exec is sent, and its result after */
  public Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout, HostLocks locks,
      ApplyJournal journal) {
    this(fleet, facts, planner, commandTimeout, locks, journal, Reconnect.standard(), NO_SECRETS);
  }

  /** @param secrets resolves the documents' secrets that escrow steps keep (a managed password given as a secret) */
  public Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout, HostLocks locks,
      ApplyJournal journal, SecretResolver secrets) {
    this(fleet, facts, planner, commandTimeout, locks, journal, Reconnect.standard(), secrets);
  }

  Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout, HostLocks locks,
      ApplyJournal journal, Reconnect reconnect) {
    this(fleet, facts, planner, commandTimeout, locks, journal, reconnect, NO_SECRETS);
  }

  private static final SecretResolver NO_SECRETS = ref -> {
    throw new io.trustchain.secret.SecretException("no secret resolver for " + ref.describe() + " in this apply");
  };

  private Applying(Fleet fleet, FactsSource facts, HostPlanner planner, Duration commandTimeout, HostLocks locks,
      ApplyJournal journal, Reconnect reconnect, SecretResolver secrets) {
    this.secrets = secrets;
    this.fleet = fleet;
    this.facts = facts;
    this.planner = planner;
    this.commandTimeout = commandTimeout;
    this.locks = locks;
    this.journal = journal;
    this.reconnect = reconnect;
  }

  /**
   * Applies {@code plan} (which has changes) to {@code target} and verifies it, telling {@code listener}
   * each step; lock events and the like go to {@code notes}. Once {@code stop} is raised no further
   * change starts (those left are "not run"); the host is still verified and its lock released.
   */
  public HostOutcome apply(Target target, HostPlan plan, List<String> notes, RunListener listener, StopSignal stop) {
    if (!plan.ok()) {
      return HostOutcome.refused(plan);
    }
    List<Change> changes = plan.changes().stream().filter(c -> c.action().isChange()).toList();
    ChangeScript script = ChangeScript.of(changes);
    HostRound round = new HostRound(target, script, notes, listener, stop, plan.lock().flatMap(locks::breaking));
    return round.run();
  }

  /** How long the lock holds: the execs from taking it to releasing it, two reconnects and a retried release. */
  long ttlSeconds(ChangeScript script) {
    return (script.execs() + 3L) * Math.max(1, commandTimeout.toSeconds()) + 60;
  }

  /** One host's apply, exec after exec. */
  private final class HostRound {

    private final Target target;
    private final ChangeScript script;
    private final ChangeLedger ledger;
    private final List<String> notes;
    private final CaptureStep capture;
    private final EscrowStepRun escrowSteps;
    private final RunListener listener;
    private final StopSignal stop;
    private Optional<HostLocks.Breaking> breaking;
    private boolean holds;
    private HostFacts after;
    private String failure;
    private String verifyProblem;

    /** @param breaking how to break the lock the plan saw on the host, in the exec that takes it (if it may be) */
    HostRound(Target target, ChangeScript script, List<String> notes, RunListener listener, StopSignal stop,
        Optional<HostLocks.Breaking> breaking) {
      this.target = target;
      this.script = script;
      this.ledger = new ChangeLedger(script);
      this.notes = notes;
      this.capture = new CaptureStep(target.host(), target.needs().escrow());
      this.escrowSteps = new EscrowStepRun(target.host(), target.needs().escrow(), secrets);
      this.listener = listener;
      this.stop = stop;
      this.breaking = breaking;
    }

    HostOutcome run() {
      Transport transport;
      try {
        transport = fleet.transport(target);
      } catch (TransportException e) {
        return Verdict.failed(target.host(), HostErrors.describe(e));
      }
      int last = script.execs() - 1;
      for (int x = 0; x <= last; x++) {
        if (stop.stopped() && !ledger.stopped()) {
          if (!holds) {
            ledger.skipRest("not run: " + stop.reason().orElse("the run was stopped"));
            return new Verdict(target, planner, ledger, script).outcome(null,
                "not applied: " + stop.reason().orElse("the run was stopped"), null);
          }
          ledger.skipRest("not run: " + stop.reason().orElse("the run was stopped"));
        }
        listener.hostStep(target.host(), x == 0 ? "locking and applying " + script.changes().size()
            + (script.changes().size() == 1 ? " change" : " changes") : x == last ? "verifying" : "applying");
        List<Change> sending = ledger.stopped() ? List.of()
            : script.changesIn(x).stream().map(i -> script.changes().get(i)).toList();
        try {
          journal.intents(target.host(), sending);
        } catch (IOException e) {
          String why = "not run: the audit log could not be written (" + e.getMessage() + "), so nothing was sent";
          ledger.skipRest(why);
          if (!holds) {
            return new Verdict(target, planner, ledger, script).outcome(null, why, null);
          }
        }
        Exec exec;
        if (x == 0 && !holds) {
          locks.taking(target.host()); // the first exec takes the lock: from here an abort may leave it behind
        }
        try {
          exec = send(transport, x, x == last);
        } catch (TransportException e) {
          return afterLoss(x, e);
        }
        if (exec.broke().isPresent()) {
          HostLocks.Breaking b = exec.broke().get();
          locks.broke(target.host(), b, ApplyLock.readBreak(exec.result(), exec.sections())).ifPresent(notes::add);
        }
        if (!holds) {
          ApplyLock.Attempt attempt = ApplyLock.readTake(exec.result(), exec.sections());
          if (attempt instanceof ApplyLock.Attempt.Acquired) {
            holds = true;
            locks.taken(target.host());
          } else {
            locks.notTaken(target.host());
            try {
              listener.hostStep(target.host(), "waiting for the lock");
              notes.addAll(locks.acquireAfter(target.host(), transport, ttlSeconds(script), attempt));
              holds = true;
              locks.taken(target.host());
            } catch (HostLocks.Refused r) {
              return Verdict.failed(target.host(), r.getMessage());
            } catch (TransportException e) {
              fleet.forget(target);
              return Verdict.failed(target.host(), HostErrors.describe(e));
            }
            x--;
            continue;
          }
        }
        boolean ran = !ledger.stopped();
        ledger.read(x, exec.result(), exec.sections());
        Command captured = script.captureEnding(x);
        if (captured != null && captured.isEscrowStep() && !ledger.stopped()) {
          CaptureStep.Result r = escrowSteps.run(captured.escrowStep());
          ledger.captured(x, r.ok(), r.words());
        } else if (captured != null && !ledger.stopped()) {
          CaptureStep.Result r = capture.escrow(captured, exec.sections().get(captureKey(x)), exec.result());
          ledger.captured(x, r.ok(), r.words());
        }
        if (ran) {
          journal.results(target.host(), said(x));
        }
        if (x == last) {
          readVerify(exec);
          release(ApplyLock.readRelease(exec.result(), exec.sections()));
        }
      }
      ledger.skipRest("not run: the host stopped earlier");
      return new Verdict(target, planner, ledger, script).outcome(after, verifyProblem, failure);
    }

    private record Exec(ExecResult result, Map<String, SectionResult> sections, FactsGatherer.Embedded verify,
        Optional<HostLocks.Breaking> broke) {}

    private Exec send(Transport transport, int x, boolean last) throws TransportException {
      ScriptBuilder b = new ScriptBuilder();
      b.raw("tc_stop=0");
      Optional<HostLocks.Breaking> broke = Optional.empty();
      if (!holds && breaking.isPresent()) {
        broke = breaking;
        breaking = Optional.empty();
        locks.lock().breakLock(b, broke.get().expectedRunId());
      }
      if (!holds) {
        locks.lock().take(b, locks.command(), ttlSeconds(script));
        b.raw("[ \"$tc_lk\" = 1 ] || tc_stop=1");
      }
      script.write(x, b, ledger.stopped());
      FactsGatherer.Embedded verify = null;
      if (last) {
        verify = facts.embed(b, target.needs());
        locks.lock().release(b);
      }
      RemoteScript remote = b.build(commandTimeout);
      ExecResult result = transport.exec(remote);
      return new Exec(result, Sections.parse(result, remote.nonce()), verify, broke);
    }

    private void readVerify(Exec exec) {
      try {
        after = exec.verify().read(target.host(), exec.result(), exec.sections());
      } catch (FactParseException e) {
        verifyProblem = "cannot read the facts after apply: " + e.getMessage();
      }
    }

    /** Exec {@code x} never answered: reach the host again to verify and release, then say what is known. */
    private HostOutcome afterLoss(int x, TransportException e) {
      failure = HostErrors.describe(e);
      ledger.lost(x, "its exec never answered (" + failure + ")");
      ledger.skipRest("not run: the connection was lost earlier");
      if (e.kind() != TransportException.Kind.TIMEOUT) {
        fleet.forget(target);
      }
      // invariant 6: a command that outlived its timeout may still run on the Mac unless the Mac said it is dead
      boolean mayRelease = e.kind() != TransportException.Kind.TIMEOUT || e.knownDead();
      String stuck = "a command of it timed out and was not confirmed dead on the Mac";
      listener.hostStep(target.host(), "reconnecting to verify");
      Reconnect.Outcome<Exec> again = reconnect.attempt(() -> {
        Transport fresh = fleet.transport(target);
        ScriptBuilder b = new ScriptBuilder();
        FactsGatherer.Embedded verify = facts.embed(b, target.needs());
        if (mayRelease) {
          locks.lock().release(b);
        } else {
          locks.lock().keep(b, stuck);
        }
        RemoteScript remote = b.build(commandTimeout);
        try {
          ExecResult result = fresh.exec(remote);
          return new Exec(result, Sections.parse(result, remote.nonce()), verify, Optional.empty());
        } catch (TransportException lost) {
          fleet.forget(target);
          throw lost;
        }
      });
      if (again.value().isEmpty()) {
        verifyProblem = "could not reach the host again to verify (" + again.attempts() + " attempts): "
            + again.lastError().map(HostErrors::describe).orElse("?");
        notes.add("the apply lock of run " + locks.lock().me().runId() + " may still be on " + target.host()
            + ": it expires by itself, or break it with --force-unlock " + locks.lock().me().runId());
      } else if (!mayRelease) {
        Exec exec = again.value().get();
        readVerify(exec);
        String id = locks.lock().me().runId();
        notes.add("the apply lock of run " + id + " stays on " + target.host() + ": " + stuck + " (" + failure
            + ")" + (ApplyLock.readKeep(exec.sections()) ? "" : " [the lock's owner file could not be marked]")
            + "; it expires by itself, or, once nothing of it runs on the Mac any more, break it: "
            + locks.inspector().command(id));
      } else {
        Exec exec = again.value().get();
        notes.add("an exec did not answer during apply (" + e.kind().name().toLowerCase(java.util.Locale.ROOT)
            + (e.knownDead() ? ", and the Mac killed it" : "") + "); reached " + target.host() + " again ("
            + again.attempts() + (again.attempts() == 1 ? " attempt" : " attempts") + ") to verify and release the lock");
        readVerify(exec);
        release(ApplyLock.readRelease(exec.result(), exec.sections()));
      }
      return new Verdict(target, planner, ledger, script).outcome(after, verifyProblem, failure);
    }

    /** A release that failed is tried once more, on a fresh connection (it is owner-checked, so safe to repeat). */
    private void release(ApplyLock.Release first) {
      ApplyLock.Release r = first;
      if (r instanceof ApplyLock.Release.Failed) {
        fleet.forget(target);
        try {
          r = locks.lock().release(fleet.transport(target));
        } catch (TransportException e) {
          r = new ApplyLock.Release.Failed(HostErrors.describe(e));
        }
      }
      if (!(r instanceof ApplyLock.Release.Failed)) {
        locks.released(target.host());
      }
      locks.describe(target.host(), r).ifPresent(notes::add);
    }

    /** What exec {@code x} said of its changes that are decided by now (a change cut by a capture is not yet). */
    private List<ChangeOutcome> said(int x) {
      List<ChangeOutcome> out = new java.util.ArrayList<>();
      for (int i : script.changesIn(x)) {
        Change c = script.changes().get(i);
        switch (ledger.state(i)) {
          case APPLIED -> out.add(new ChangeOutcome(c, ChangeOutcome.Status.APPLIED, "applied", ledger.words(i)));
          case FAILED -> out.add(new ChangeOutcome(c, ChangeOutcome.Status.FAILED, ledger.message(i), ledger.words(i)));
          case NOT_RUN -> out.add(new ChangeOutcome(c, ChangeOutcome.Status.NOT_RUN, ledger.message(i), ""));
          case WAITING, UNKNOWN -> { }
        }
      }
      return out;
    }

    private String captureKey(int x) {
      List<ChangeScript.Piece> pieces = script.segment(x);
      ChangeScript.Piece p = pieces.get(pieces.size() - 1);
      return ChangeScript.commandKey(p.change(), p.to() - 1);
    }
  }
}
