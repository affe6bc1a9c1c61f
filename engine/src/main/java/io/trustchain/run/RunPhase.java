package io.trustchain.run;

import java.util.Objects;

/**
 * A phase of a run, as progress shows it: planning all hosts, or applying batch {@code batch} of
 * {@code batches} (a rollout without {@code --serial} has one batch).
 *
 * @param hosts how many hosts the phase works on
 */
public record RunPhase(Kind kind, int hosts, int batch, int batches) {

  public enum Kind { PLANNING, APPLYING }

  public RunPhase {
    Objects.requireNonNull(kind, "kind == null");
    if (batch < 1 || batches < batch) {
      throw new IllegalArgumentException("batch " + batch + " of " + batches);
    }
  }

  public static RunPhase planning(int hosts) {
    return new RunPhase(Kind.PLANNING, hosts, 1, 1);
  }

  public static RunPhase applying(int hosts, int batch, int batches) {
    return new RunPhase(Kind.APPLYING, hosts, batch, batches);
  }

  /** {@code planning}, {@code applying}, {@code applying batch 2/5}. */
  @Override
  public String toString() {
    return kind == Kind.PLANNING ? "planning"
        : batches == 1 ? "applying" : "applying batch " + batch + "/" + batches;
  }
}
