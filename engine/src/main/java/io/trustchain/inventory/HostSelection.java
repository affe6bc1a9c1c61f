package io.trustchain.inventory;

import java.util.List;

/**
 * The hosts a {@link HostPattern} selects, in inventory order, and the terms of the pattern that
 * matched nothing (as written, e.g. {@code "webservrs"} or {@code "!old"}). Whether an unmatched
 * term is a warning (a play) or an error ({@code --limit}) is the caller's decision.
 */
public record HostSelection(List<Host> hosts, List<String> unmatched) {

  public HostSelection {
    hosts = List.copyOf(hosts);
    unmatched = List.copyOf(unmatched);
  }

  public List<String> hostNames() {
    return hosts.stream().map(Host::name).toList();
  }

  @Override
  public String toString() {
    return hostNames() + (unmatched.isEmpty() ? "" : " unmatched " + unmatched);
  }
}
