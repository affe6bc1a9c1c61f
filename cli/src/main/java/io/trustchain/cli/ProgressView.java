package io.trustchain.cli;

import io.trustchain.plan.HostPlan;
import io.trustchain.run.HostRun;
import io.trustchain.run.RunListener;
import io.trustchain.run.RunPhase;
import java.io.PrintWriter;
import java.util.List;

/**
 * What a command shows while it runs: the live block on a terminal ({@link LiveProgress}), plain
 * timestamped lines on a pipe ({@link PlainProgress}), nothing for machine-readable output; plus
 * the timings of {@code -v}. Notices (Ctrl-C) go through {@link #note}, so they never tear the
 * live block. Close it when the run ends.
 */
interface ProgressView extends RunListener, AutoCloseable {

  void note(String line);

  @Override
  void close();

  /** No progress; notices still reach stderr. */
  static ProgressView quiet(PrintWriter err) {
    return new ProgressView() {
      @Override
      public void note(String line) {
        err.println(line);
        err.flush();
      }

      @Override
      public void close() {}
    };
  }

  /** {@code view} told everything, then every one of {@code others}. */
  static ProgressView with(ProgressView view, List<RunListener> others) {
    return new ProgressView() {
      @Override
      public void phaseStarted(RunPhase phase) {
        view.phaseStarted(phase);
        others.forEach(o -> o.phaseStarted(phase));
      }

      @Override
      public void hostStarted(String host) {
        view.hostStarted(host);
        others.forEach(o -> o.hostStarted(host));
      }

      @Override
      public void hostStep(String host, String step) {
        view.hostStep(host, step);
        others.forEach(o -> o.hostStep(host, step));
      }

      @Override
      public void hostPlanned(HostPlan plan) {
        view.hostPlanned(plan);
        others.forEach(o -> o.hostPlanned(plan));
      }

      @Override
      public void hostApplied(HostRun run) {
        view.hostApplied(run);
        others.forEach(o -> o.hostApplied(run));
      }

      @Override
      public void phaseFinished(RunPhase phase) {
        view.phaseFinished(phase);
        others.forEach(o -> o.phaseFinished(phase));
      }

      @Override
      public void note(String line) {
        view.note(line);
      }

      @Override
      public void close() {
        view.close();
        others.forEach(o -> {
          if (o instanceof AutoCloseable c) {
            try {
              c.close();
            } catch (Exception e) {
              // timings are best effort
            }
          }
        });
      }
    };
  }
}
