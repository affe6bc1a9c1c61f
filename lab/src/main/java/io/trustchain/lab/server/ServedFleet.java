package io.trustchain.lab.server;

import java.util.List;
import java.util.Optional;

/**
 * What a running {@code lab serve} of a state directory serves, as it published in {@code
 * serve.json}.
 */
public record ServedFleet(long pid, List<Entry> hosts) {

  /** One served host. */
  public record Entry(String name, String address, int port) {}

  public ServedFleet {
    hosts = List.copyOf(hosts);
  }

  public Optional<Entry> host(String name) {
    return hosts.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public Optional<Entry> onPort(int port) {
    return hosts.stream().filter(e -> e.port() == port).findFirst();
  }
}
