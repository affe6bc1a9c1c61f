package io.trustchain.cli;

import io.trustchain.run.HostLocks;
import io.trustchain.run.StopSignal;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during an apply's rollout. The first stops the run gently: no new host and no new change
 * starts, commands already running finish (or time out), hosts are verified, locks released, the
 * results so far printed and the audit log written; the command then exits 130. The second aborts
 * at once (exit 130), naming the hosts whose apply lock this run still holds. Outside the rollout,
 * Ctrl-C keeps its default meaning.
 */
final class Interrupts implements AutoCloseable {

  static final int EXIT = 130;
  static final String REASON = "interrupted (Ctrl-C)";

  private final SignalHandler previous;
  private final AtomicInteger count = new AtomicInteger();

  private Interrupts(StopSignal stop, HostLocks locks, ProgressView progress, String runId) {
    Consumer<String> say = progress::note;
    SignalHandler handler = sig -> {
      if (count.incrementAndGet() == 1) {
        stop.stop(REASON);
        say.accept("Interrupted: no new host or change will start; running commands finish or time out, then "
            + "locks are released and the results printed. Press Ctrl-C again to abort at once.");
        return;
      }
      Set<String> held = locks.held();
      progress.close(); // no live block left on the screen after the abort
      say.accept("Aborted." + (held.isEmpty() ? " No apply lock was held."
          : " Apply locks left on: " + String.join(", ", held) + " (they expire by themselves, or break them "
              + "with --force-unlock " + runId + ")."));
      Runtime.getRuntime().halt(EXIT);
    };
    this.previous = Signal.handle(new Signal("INT"), handler);
  }

  /** Catches Ctrl-C until closed; notices go through {@code progress} (above its live block). */
  static Interrupts during(StopSignal stop, HostLocks locks, ProgressView progress, String runId) {
    return new Interrupts(stop, locks, progress, runId);
  }

  @Override
  public void close() {
    Signal.handle(new Signal("INT"), previous);
  }
}
