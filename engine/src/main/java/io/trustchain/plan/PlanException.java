package io.trustchain.plan;

/** Thrown by a module's planner when the resource cannot be planned; becomes a {@link PlanProblem}. */
public final class PlanException extends Exception {

  private final String hint;

  public PlanException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  public PlanException(String message) {
    this(message, null);
  }

  public String hint() {
    return hint;
  }
}
