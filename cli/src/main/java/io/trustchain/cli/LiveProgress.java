package io.trustchain.cli;

import io.trustchain.plan.HostPlan;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.RunListener;
import io.trustchain.run.RunPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live progress on a terminal (Terraform's "Still modifying… [20s elapsed]", Ansible's per-host
 * stream): a block at the bottom of the screen with one line per host in flight, its current step
 * and how long it has been at it, redrawn every half second; each host's result printed above the
 * block as soon as it is done; a heading for each batch of a {@code --serial} rollout. Hosts that
 * take longest come first, so a hung Mac is named, not counted.
 */
final class LiveProgress implements ProgressView {

  private static final int MAX_LINES = 10;

  private record InFlight(String host, String step, long since, long stepSince) {}

  private final PrintWriter out;
  private final int width;
  private final boolean color;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger done = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private volatile RunPhase phase;
  private int drawn;

  LiveProgress(PrintWriter out, int width, boolean color) {
    this.out = out;
    this.width = Math.max(40, width);
    this.color = color;
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trustchain-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(this::redraw, 500, 500, TimeUnit.MILLISECONDS);
  }

  @Override
  public void phaseStarted(RunPhase p) {
    lock.lock();
    try {
      erase();
      phase = p;
      done.set(0);
      if (p.kind() == RunPhase.Kind.APPLYING && p.batches() > 1) {
        out.println(bold("── batch " + p.batch() + "/" + p.batches() + " (" + p.hosts() + " host"
            + (p.hosts() == 1 ? "" : "s") + ") ──"));
      }
      draw();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void hostStarted(String host) {
    long now = System.nanoTime();
    inFlight.put(host, new InFlight(host, "starting", now, now));
  }

  @Override
  public void hostStep(String host, String step) {
    long now = System.nanoTime();
    inFlight.compute(host, (h, old) -> new InFlight(h, step, old == null ? now : old.since(), now));
  }

  @Override
  public void hostPlanned(HostPlan plan) {
    inFlight.remove(plan.host());
    done.incrementAndGet();
  }

  @Override
  public void hostApplied(HostRun run) {
    inFlight.remove(run.host());
    done.incrementAndGet();
    lock.lock();
    try {
      erase();
      out.println(result(run));
      draw();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void phaseFinished(RunPhase p) {
    lock.lock();
    try {
      erase();
      inFlight.clear();
      phase = null;
    } finally {
      lock.unlock();
    }
  }

  /** Prints a line above the block (the Ctrl-C notices). */
  @Override
  public void note(String line) {
    lock.lock();
    try {
      erase();
      out.println(line);
      draw();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    lock.lock();
    try {
      phase = null;
      erase();
    } finally {
      lock.unlock();
    }
  }

  private void redraw() {
    if (phase == null || !lock.tryLock()) {
      return;
    }
    try {
      erase();
      draw();
    } finally {
      lock.unlock();
    }
  }

  private String result(HostRun run) {
    HostOutcome o = run.outcome();
    String status = switch (o.status()) {
      case CONVERGED -> green("converged");
      case NOT_CONVERGED -> red("NOT CONVERGED");
      case FAILED -> red("FAILED");
      case REFUSED -> red("refused");
    };
    long applied = o.applied();
    String detail = o.status() == HostOutcome.Status.CONVERGED
        ? (applied == 0 ? " (nothing to change)" : " (" + applied + " change" + (applied == 1 ? "" : "s") + ")")
        : o.error().map(e -> ": " + e).orElse("");
    return fit(run.host() + ": " + status + detail + " in " + ProgressText.seconds(run.took()));
  }

  private void draw() {
    RunPhase p = phase;
    if (p == null) {
      return;
    }
    long now = System.nanoTime();
    List<InFlight> hosts = new ArrayList<>(inFlight.values());
    hosts.sort(Comparator.comparingLong(InFlight::since).thenComparing(InFlight::host));
    List<String> lines = new ArrayList<>();
    lines.add(fit(dim(p + ": " + done.get() + "/" + p.hosts() + " hosts done, " + hosts.size() + " in flight")));
    int nameWidth = hosts.stream().limit(MAX_LINES).mapToInt(h -> h.host().length()).max().orElse(0);
    for (InFlight h : hosts.subList(0, Math.min(MAX_LINES, hosts.size()))) {
      lines.add(fit("  " + pad(h.host(), nameWidth) + "  " + h.step() + "  "
          + ProgressText.seconds(Duration.ofNanos(now - h.stepSince())) + " (host "
          + ProgressText.seconds(Duration.ofNanos(now - h.since())) + ")"));
    }
    if (hosts.size() > MAX_LINES) {
      lines.add("  … and " + (hosts.size() - MAX_LINES) + " more");
    }
    out.print(String.join("\n", lines));
    out.flush();
    drawn = lines.size();
  }

  /** Clears the block: the cursor sits at the end of its last line. */
  private void erase() {
    if (drawn > 0) {
      out.print("\r" + (drawn > 1 ? "\033[" + (drawn - 1) + "A" : "") + "\033[J");
      out.flush();
      drawn = 0;
    }
  }

  private String fit(String line) {
    return ProgressText.fit(line, width - 1);
  }

  private static String pad(String s, int n) {
    return s + " ".repeat(Math.max(0, n - s.length()));
  }

  private String green(String s) {
    return color ? "\033[32m" + s + "\033[0m" : s;
  }

  private String red(String s) {
    return color ? "\033[31m" + s + "\033[0m" : s;
  }

  private String bold(String s) {
    return color ? "\033[1m" + s + "\033[0m" : s;
  }

  private String dim(String s) {
    return color ? "\033[2m" + s + "\033[0m" : s;
  }
}
