package io.trustchain.transport;

import io.trustchain.inventory.ConnectionSpec;

/** Opens transports; one per host for the whole run. */
public interface Connector extends AutoCloseable {

  Transport connect(ConnectionSpec spec) throws TransportException;

  @Override
  void close();
}
