package io.trustchain.cli;

import io.trustchain.plan.HostPlan;
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

/**
 * {@code -v}: after each phase, how long it took and its slowest hosts, on stderr (never in JSON
 * output). Plan hosts are timed from their start to their plan; apply hosts by the rollout.
 */
final class Timings implements RunListener {

  private static final int SLOWEST = 3;

  private final PrintWriter err;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, Duration> took = new ConcurrentHashMap<>();
  private volatile long phaseStart;

  Timings(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void phaseStarted(RunPhase phase) {
    phaseStart = System.nanoTime();
    took.clear();
  }

  @Override
  public void hostStarted(String host) {
    started.put(host, System.nanoTime());
  }

  @Override
  public void hostPlanned(HostPlan plan) {
    Long since = started.remove(plan.host());
    if (since != null) {
      took.put(plan.host(), Duration.ofNanos(System.nanoTime() - since));
    }
  }

  @Override
  public void hostApplied(HostRun run) {
    started.remove(run.host());
    took.put(run.host(), run.took());
  }

  @Override
  public void phaseFinished(RunPhase phase) {
    List<Map.Entry<String, Duration>> slow = new ArrayList<>(took.entrySet());
    slow.sort(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    StringBuilder line = new StringBuilder("timing: " + phase + " took "
        + ProgressText.seconds(Duration.ofNanos(System.nanoTime() - phaseStart)) + " for " + phase.hosts() + " host"
        + (phase.hosts() == 1 ? "" : "s"));
    if (!slow.isEmpty()) {
      line.append("; slowest: ");
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, Duration> e : slow.subList(0, Math.min(SLOWEST, slow.size()))) {
        names.add(e.getKey() + " " + ProgressText.seconds(e.getValue()));
      }
      line.append(String.join(", ", names));
    }
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
