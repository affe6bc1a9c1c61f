package io.trustchain.transport;

/**
 * An open connection to one host, reused for the whole run. Implementations: sshj (real hosts and
 * the lab) and in-memory fakes for unit tests.
 */
public interface Transport extends AutoCloseable {

  /** The inventory name of the host. */
  String host();

  /** Runs one script in one exec round trip; secrets are resolved here and written to stdin only. */
  ExecResult exec(RemoteScript script) throws TransportException;

  @Override
  void close();
}
