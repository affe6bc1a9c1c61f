package io.trustchain.run;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.HostPlan;
import io.trustchain.spi.BoundResource;
import java.util.List;

/** Plans one host from its facts (pure): orders resources, plans each, checks the safety invariants. */
@FunctionalInterface
public interface HostPlanner {

  HostPlan plan(String host, HostFacts gathered, String factsDigest, List<BoundResource<?>> resources);
}
