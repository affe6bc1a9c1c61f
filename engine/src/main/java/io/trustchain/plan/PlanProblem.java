package io.trustchain.plan;

import io.trustchain.diag.SourceRange;
import java.util.Optional;

/**
 * A reason a host cannot be planned or changed: a safety invariant, a refused resource, an
 * impossible request given the facts. A host with problems is not applied.
 */
public record PlanProblem(ResourceAddress address, String message, Optional<String> hint,
    Optional<SourceRange> at) {

  public static PlanProblem of(ResourceAddress address, String message, String hint) {
    return new PlanProblem(address, message, Optional.ofNullable(hint), Optional.empty());
  }

  public PlanProblem at(SourceRange where) {
    return new PlanProblem(address, message, hint, Optional.ofNullable(where));
  }

  @Override
  public String toString() {
    return address + ": " + message;
  }
}
