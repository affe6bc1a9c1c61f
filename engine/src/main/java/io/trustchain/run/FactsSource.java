package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;

/** Gathers a host's facts in one exec, and fingerprints them. */
public interface FactsSource {

  HostFacts gather(Transport transport, FactsRequest request) throws TransportException, FactParseException;

  /** SHA-256 of the facts' canonical form (volatile fields left out). */
  String digest(HostFacts facts);
}
