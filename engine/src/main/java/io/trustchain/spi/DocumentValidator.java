package io.trustchain.spi;

import io.trustchain.plan.PlanProblem;
import java.util.List;

/**
 * A safety invariant that the documents alone can break, checked while they load, before anything connects
 * (e.g. a resource that removes the account trustchain connects as, or the management credential). Its
 * problems are errors at the resources' positions (exit 65). Contributed with a Guice multibinder.
 */
public interface DocumentValidator {

  /** The problems of {@code resources}, all bound for {@code host}, reached through {@code wayIn}. */
  List<PlanProblem> validate(String host, WayIn wayIn, List<BoundResource<?>> resources);
}
