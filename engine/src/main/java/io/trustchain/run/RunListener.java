package io.trustchain.run;

import io.trustchain.plan.HostPlan;

/**
 * What a run tells whoever shows its progress (the terminal, a CI log) as things happen. The
 * pipeline ({@link Planning}, {@link Rollout}, {@link Applying}) calls it; the CLI renders it.
 *
 * <p>Called from many (virtual) threads at once: implementations are thread-safe, quick, never
 * block on I/O that can stall, and never throw. Every method has an empty default, so a listener
 * implements only what it shows.
 */
public interface RunListener {

  /** Listens to nothing. */
  RunListener NONE = new RunListener() {};

  /** A phase begins: planning every host, or applying one batch of a rollout. */
  default void phaseStarted(RunPhase phase) {}

  /** Work on {@code host} begins in the current phase. */
  default void hostStarted(String host) {}

  /**
   * {@code host} moved on to another step, named shortly for a person: {@code "connecting"},
   * {@code "gathering facts"}, {@code "locking"}, {@code "user[alice]"}, {@code "verifying"}.
   */
  default void hostStep(String host, String step) {}

  /** {@code host} is planned (the planning phase). */
  default void hostPlanned(HostPlan plan) {}

  /** {@code host} is applied, verified and unlocked (or failed, or was not attempted). */
  default void hostApplied(HostRun run) {}

  /** The phase ended: every host of it has finished. */
  default void phaseFinished(RunPhase phase) {}
}
