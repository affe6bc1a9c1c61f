package io.trustchain.cli;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.run.HostRun;
import io.trustchain.run.RunListener;
import io.trustchain.run.RunPhase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Progress for a pipe or a CI log: one timestamped line per event as it happens, never a carriage
 * return or an escape sequence: the phase, each host's start and steps (apply), each host's end.
 *
 * <p>A line is one write and one flush, its time formatted once a second: plan writes one a host, and at
 * N = 1,000 the formatter, {@code println}'s two writes and a stream a line were 2 % of plan's samples.
 */
final class PlainProgress implements ProgressView {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintWriter out;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private volatile RunPhase phase;
  /** The second {@link #stamp} was formatted for, and its text (guarded by {@link #lock}). */
  private long stampSecond = Long.MIN_VALUE;
  private String stamp = "";

  PlainProgress(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void phaseStarted(RunPhase p) {
    phase = p;
    line(p + ": " + p.hosts() + " host" + (p.hosts() == 1 ? "" : "s"));
  }

  @Override
  public void hostStarted(String host) {
    started.put(host, System.nanoTime());
    if (applying()) {
      line(host + ": started");
    }
  }

  @Override
  public void hostStep(String host, String step) {
    if (applying()) {
      line(host + ": " + step);
    }
  }

  @Override
  public void hostPlanned(HostPlan plan) {
    String what;
    if (plan.error().isPresent()) {
      what = "cannot be planned: " + plan.error().get();
    } else {
      what = plan.ok() ? changes(plan) : plan.problems().size() + " problem(s)";
    }
    line(plan.host() + ": planned in " + took(plan.host()) + ": " + what);
  }

  @Override
  public void hostApplied(HostRun run) {
    line(run.host() + ": " + run.outcome().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + run.outcome().error().map(e -> ": " + e).orElse("") + " (" + ProgressText.seconds(run.took()) + ")");
  }

  @Override
  public void phaseFinished(RunPhase p) {
    line(p + ": done");
  }

  @Override
  public void note(String text) {
    line(text);
  }

  @Override
  public void close() {}

  private boolean applying() {
    RunPhase p = phase;
    return p != null && p.kind() == RunPhase.Kind.APPLYING;
  }

  private String took(String host) {
    Long since = started.remove(host);
    return since == null ? "?" : ProgressText.seconds(java.time.Duration.ofNanos(System.nanoTime() - since));
  }

  private static String changes(HostPlan plan) {
    int n = 0;
    for (Change c : plan.changes()) {
      if (c.action().isChange()) {
        n++;
      }
    }
    return n == 0 ? "no changes" : n + " to change";
  }

  private void line(String text) {
    lock.lock();
    try {
      out.write(stamp() + " " + text.replace('\r', ' ') + System.lineSeparator());
      out.flush();
    } finally {
      lock.unlock();
    }
  }

  /** The clock's time as HH:mm:ss, formatted again only when the second changed (under {@link #lock}). */
  private String stamp() {
    Instant now = clock.instant();
    if (now.getEpochSecond() != stampSecond) {
      stampSecond = now.getEpochSecond();
      stamp = LocalTime.ofInstant(now, clock.getZone()).format(TIME);
    }
    return stamp;
  }
}
