package io.trustchain.run;

import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsGatherer;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;

/** Gathers a host's facts in one exec, and fingerprints them. */
public interface FactsSource {

  HostFacts gather(Transport transport, FactsRequest request) throws TransportException, FactParseException;

  /**
   * Adds the facts sections to {@code script}, which does more in the same exec (the lock look of a
   * plan, apply's verify and release); the facts are read back from that exec with the result.
   */
  FactsGatherer.Embedded embed(ScriptBuilder script, FactsRequest request);

  /** SHA-256 of the facts' canonical form (volatile fields left out). */
  String digest(HostFacts facts);
}
