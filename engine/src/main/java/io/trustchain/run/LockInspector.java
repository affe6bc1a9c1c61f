package io.trustchain.run;

import io.trustchain.plan.LockNote;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Judges an apply lock found on a host (every run looks at every targeted host's lock in its facts
 * exec): this run's own; expired on the Mac's clock; taken by this controller (same {@code user@host})
 * by a process that is gone — its pid no longer runs, or now names a process started at another time —
 * unless that run kept it on purpose (a command of it that timed out was not confirmed dead: {@code stuck=});
 * or held. Says who holds it, how old it is and the exact command that breaks it.
 */
public final class LockInspector {

  private final RunIdentity me;
  private final Function<String, String> unlockCommand;

  /**
   * @param unlockCommand the exact command that breaks a run's locks on this run's hosts, given the run id
   *     (or {@code any}): {@code trustchain apply --force-unlock RUN -i INV PLAYBOOK…}
   */
  public LockInspector(RunIdentity me, Function<String, String> unlockCommand) {
    this.me = Objects.requireNonNull(me, "me == null");
    this.unlockCommand = Objects.requireNonNull(unlockCommand, "unlockCommand == null");
  }

  /** An inspector whose commands name no documents ({@code trustchain apply --force-unlock RUN}). */
  public static LockInspector of(RunIdentity me) {
    return new LockInspector(me, id -> "trustchain apply --force-unlock " + id);
  }

  RunIdentity me() {
    return me;
  }

  /** The exact command that breaks {@code runId}'s locks ({@code any}: whatever lock is there). */
  String command(String runId) {
    return unlockCommand.apply(runId);
  }

  /** What a look found, judged; empty when the host is not locked (or the look did not run). */
  Optional<LockNote> note(ApplyLock.Look look) {
    return switch (look) {
      case ApplyLock.Look.Free f -> Optional.empty();
      case ApplyLock.Look.Unknown u -> Optional.empty();
      case ApplyLock.Look.Held h -> Optional.of(h.owner().map(o -> judge(o, h.macNow()))
          .orElseGet(() -> new LockNote(Optional.empty(), "?", OptionalLong.empty(), OptionalLong.empty(),
              LockNote.State.UNREADABLE, unlockCommand.apply(HostLocks.ANY))));
    };
  }

  private LockNote judge(LockOwner o, OptionalLong macNow) {
    OptionalLong age = macNow.isPresent() && o.acquired().isPresent()
        ? OptionalLong.of(Math.max(0, macNow.getAsLong() - o.acquired().getAsLong())) : OptionalLong.empty();
    OptionalLong left = macNow.isPresent() && o.expires().isPresent()
        ? OptionalLong.of(o.expires().getAsLong() - macNow.getAsLong()) : OptionalLong.empty();
    LockNote.State state;
    if (o.runId().equals(me.runId())) {
      state = LockNote.State.OWN;
    } else if (o.expiredAt(macNow)) {
      state = LockNote.State.EXPIRED;
    } else if (o.controller().equals(me.controller()) && o.stuck().isEmpty() && gone(o)) {
      state = LockNote.State.DEAD;
    } else {
      state = LockNote.State.HELD;
    }
    String owner = o.who() + (o.ci().isEmpty() ? "" : " via " + o.ci()) + " (" + o.controller() + ", pid " + o.pid() + ")"
        + o.stuck().map(w -> " [kept: " + w + "]").orElse("");
    return new LockNote(Optional.of(o.runId()), owner, age, left, state, unlockCommand.apply(o.runId()));
  }

  /**
   * Whether the lock's process is gone: no process has its pid, or the one that has it started at another
   * time than the owner file says (the pid was reused). Without a recorded start, a running pid counts as
   * the owner.
   */
  static boolean gone(LockOwner o) {
    long pid;
    try {
      pid = Long.parseLong(o.pid());
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return true;
    }
    if (o.pidStart().isEmpty()) {
      return false;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return started.isPresent() && Math.abs(started.get().toEpochMilli() - o.pidStart().getAsLong()) > 1000;
  }
}
