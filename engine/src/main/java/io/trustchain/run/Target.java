package io.trustchain.run;

import io.trustchain.facts.FactsRequest;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.LabHost;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host of a run, ready to go: how to reach it, its resources bound for it (from every play
 * that targets it, in play and document order), what to gather, and its lab twin when simulated.
 */
public record Target(
    String host, ConnectionSpec connection, List<BoundResource<?>> resources, FactsRequest needs,
    Optional<LabHost> lab) {

  public Target {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(connection, "connection == null");
    resources = List.copyOf(resources);
    Objects.requireNonNull(needs, "needs == null");
    Objects.requireNonNull(lab, "lab == null");
  }

  public Optional<BoundResource<?>> resource(ResourceAddress address) {
    return resources.stream().filter(r -> r.address().equals(address)).findFirst();
  }

  @Override
  public String toString() {
    return host;
  }
}
