package io.trustchain.run;

import io.trustchain.facts.FactsRequest;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.LabHost;
import io.trustchain.spi.WayIn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host of a run, ready to go: how to reach it, its resources bound for it (from every play
 * that targets it, in play and document order), what to gather, its lab twin when simulated, and whether its
 * inventory opts in to changing the way in ({@code trustchain_allow_way_in_change}).
 */
public record Target(
    String host, ConnectionSpec connection, List<BoundResource<?>> resources, FactsRequest needs,
    Optional<LabHost> lab, boolean wayInChangeAllowed) {

  public Target {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(connection, "connection == null");
    resources = List.copyOf(resources);
    Objects.requireNonNull(needs, "needs == null");
    Objects.requireNonNull(lab, "lab == null");
  }

  /** A target whose inventory does not opt in to changing its way in. */
  public Target(String host, ConnectionSpec connection, List<BoundResource<?>> resources, FactsRequest needs,
      Optional<LabHost> lab) {
    this(host, connection, resources, needs, lab, false);
  }

  /** How the run gets into this host (safety invariant 7). */
  public WayIn wayIn() {
    return new WayIn(connection.user(), wayInChangeAllowed);
  }

  public Optional<BoundResource<?>> resource(ResourceAddress address) {
    return resources.stream().filter(r -> r.address().equals(address)).findFirst();
  }

  @Override
  public String toString() {
    return host;
  }
}
