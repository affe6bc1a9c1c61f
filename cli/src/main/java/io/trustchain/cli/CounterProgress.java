package io.trustchain.cli;

import io.trustchain.plan.HostPlan;
import io.trustchain.run.HostRun;
import io.trustchain.run.RunListener;
import io.trustchain.run.RunPhase;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line counter on a terminal ({@code planning: 12/40 hosts}), redrawn in place, cleared when
 * the phase ends. Only for terminals: it never pollutes JSON or a log.
 */
final class CounterProgress implements RunListener {

  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final AtomicInteger done = new AtomicInteger();
  private volatile RunPhase phase;
  private volatile long lastDraw;

  CounterProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void phaseStarted(RunPhase phase) {
    this.phase = phase;
    done.set(0);
    draw(true);
  }

  @Override
  public void hostPlanned(HostPlan plan) {
    step();
  }

  @Override
  public void hostApplied(HostRun run) {
    step();
  }

  @Override
  public void phaseFinished(RunPhase phase) {
    synchronized (this) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  private void step() {
    done.incrementAndGet();
    draw(false);
  }

  private void draw(boolean force) {
    RunPhase p = phase;
    if (p == null || p.hosts() < 2) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < MIN_REDRAW_NANOS && done.get() < p.hosts()) {
      return;
    }
    lastDraw = now;
    synchronized (this) {
      out.print("\r\033[K" + p + ": " + done.get() + "/" + p.hosts() + " hosts");
      out.flush();
    }
  }
}
