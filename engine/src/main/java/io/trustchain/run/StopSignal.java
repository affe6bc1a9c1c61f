package io.trustchain.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The request to stop a run early (the operator's first Ctrl-C). Once stopped, the pipeline starts
 * no new host and no new change; commands already running finish (or time out), locks are
 * released, hosts are verified and reported. Whoever catches the signal calls {@link #stop}; the
 * pipeline asks {@link #stopped()} before each host and each change. Thread-safe.
 */
public final class StopSignal {

  private final AtomicReference<String> reason = new AtomicReference<>();

  public static StopSignal create() {
    return new StopSignal();
  }

  /** Asks the run to stop, for {@code why} (shown in results: "interrupted (Ctrl-C)"); the first reason stays. */
  public void stop(String why) {
    reason.compareAndSet(null, why);
  }

  public boolean stopped() {
    return reason.get() != null;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason.get());
  }
}
