package io.trustchain.plan;

import io.trustchain.diag.SourceRange;
import io.trustchain.facts.NotUnderstood;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource that cannot be planned because its decision needs a fact the Mac's output did not make
 * certain (safety invariant 8). It gets no change; the host's other resources plan, apply and verify
 * as usual, and the host counts as failed (exit 1) until the fact is understood.
 *
 * @param fact the fact path the decision read, e.g. {@code filevault.status}; for a resource that
 *     depends on another undecided one, that one's address
 * @param message {@code cannot plan: FACT not understood: <the device's words>}
 * @param because the not-understood output it rests on (empty for a dependency)
 */
public record Undecided(ResourceAddress address, String fact, String message, List<NotUnderstood> because,
    Optional<SourceRange> at) {

  public Undecided {
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(fact, "fact == null");
    Objects.requireNonNull(message, "message == null");
    because = List.copyOf(because);
    at = at == null ? Optional.empty() : at;
  }

  @Override
  public String toString() {
    return address + ": " + message;
  }
}
