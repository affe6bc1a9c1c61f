package io.trustchain.spi;

import java.io.IOException;
import java.util.List;

/**
 * Brings up simulated Macs for a run against a lab inventory (found with
 * {@link java.util.ServiceLoader}; the lab module provides it).
 */
public interface LabProvider {

  /**
   * Serves {@code hosts} on loopback for as long as the returned handle is open. Hosts already served
   * by a running {@code trustchain lab serve} of the same state directory are left to it. Creates
   * the client key, host keys and known_hosts entries when missing, and each host's state from its
   * scenario the first time.
   */
  AutoCloseable serve(List<LabHost> hosts) throws IOException;
}
