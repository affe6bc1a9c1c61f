package io.trustchain.run;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress counter on a terminal ({@code planning: 12/40 hosts}), redrawn in place. Off
 * when stderr is not a terminal or output is machine-readable, so it never pollutes JSON.
 */
public final class Progress {

  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final boolean enabled;
  private final AtomicInteger done = new AtomicInteger();
  private volatile String label = "";
  private volatile int total;
  private volatile long lastDraw;

  private Progress(PrintWriter out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  public static Progress off() {
    return new Progress(null, false);
  }

  public static Progress on(PrintWriter err) {
    return new Progress(err, true);
  }

  void start(String what, int hosts) {
    label = what;
    total = hosts;
    done.set(0);
    draw(true);
  }

  void step() {
    done.incrementAndGet();
    draw(false);
  }

  void done() {
    if (enabled) {
      synchronized (this) {
        out.print("\r\033[K");
        out.flush();
      }
    }
  }

  private void draw(boolean force) {
    if (!enabled || total < 2) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < MIN_REDRAW_NANOS && done.get() < total) {
      return;
    }
    lastDraw = now;
    synchronized (this) {
      out.print("\r\033[K" + label + ": " + done.get() + "/" + total + " hosts");
      out.flush();
    }
  }
}
