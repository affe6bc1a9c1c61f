package io.trustchain.inventory;

import java.util.List;
import java.util.Optional;

/** A host's {@link ConnectionSpec}, or every problem that prevents one. */
public record ConnectionSpecResult(Optional<ConnectionSpec> spec, List<ConnectionProblem> problems) {

  public ConnectionSpecResult {
    problems = List.copyOf(problems);
    if (spec.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("either a spec or problems, not both or neither");
    }
  }

  static ConnectionSpecResult of(ConnectionSpec spec) {
    return new ConnectionSpecResult(Optional.of(spec), List.of());
  }

  static ConnectionSpecResult rejected(List<ConnectionProblem> problems) {
    return new ConnectionSpecResult(Optional.empty(), problems);
  }

  public boolean ok() {
    return spec.isPresent();
  }
}
