package io.trustchain.spi;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import java.util.List;

/**
 * A safety invariant checked on a host's whole plan before anything changes (product.md's safety
 * invariants). Contributed with a Guice multibinder.
 */
public interface PlanValidator {

  /**
   * @param gathered facts as read
   * @param projected facts as they would be after every change
   */
  List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes);

  /**
   * Checks of the whole host that need no credential, run once per host (the way in, invariant 7). A problem
   * whose address is a planned resource's and that has no position gets that resource's. Default: none.
   */
  default List<PlanProblem> validateHost(HostFacts gathered, HostFacts projected, List<Change> changes, WayIn wayIn) {
    return List.of();
  }
}
