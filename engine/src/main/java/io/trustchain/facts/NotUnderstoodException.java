package io.trustchain.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A fact was read that the Mac's output did not make certain (safety invariant 8: no decision rests
 * on a fact that was not understood). Thrown by the accessors of the facts records; the planner turns
 * it into "cannot plan" for the one resource that read it, and the rest of the host proceeds.
 */
public final class NotUnderstoodException extends RuntimeException {

  private final String fact;
  private final transient List<NotUnderstood> because;

  public NotUnderstoodException(String fact, List<NotUnderstood> because) {
    super(fact + " not understood: " + because.stream().map(NotUnderstood::words).collect(Collectors.joining("; ")));
    this.fact = fact;
    this.because = List.copyOf(because);
  }

  /** The fact path that was read, e.g. {@code filevault.status}. */
  public String fact() {
    return fact;
  }

  /** The device's words that left it unknown. */
  public List<NotUnderstood> because() {
    return because;
  }
}
