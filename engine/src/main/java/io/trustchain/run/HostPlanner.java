package io.trustchain.run;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.HostPlan;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.WayIn;
import java.util.List;

/**
 * Plans one host from its facts (pure): orders resources, plans each, checks the safety invariants, the way
 * in (the account the run connects as) among them.
 */
@FunctionalInterface
public interface HostPlanner {

  HostPlan plan(String host, HostFacts gathered, String factsDigest, List<BoundResource<?>> resources, WayIn wayIn);
}
