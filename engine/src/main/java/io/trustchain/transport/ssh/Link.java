package io.trustchain.transport.ssh;

import java.io.IOException;

/**
 * One authenticated connection to a host, able to start remote commands. The sshj implementation
 * is {@link SshjLink}; tests substitute local processes or scripted fakes.
 */
interface Link extends AutoCloseable {

  /** Whether the connection is still up (false once it dropped or was closed). */
  boolean isOpen();

  /** Starts {@code commandLine} on a new channel of this connection. */
  RemoteProcess start(String commandLine) throws IOException;

  @Override
  void close();

  /** Opens links; called again when a dropped link must be replaced. */
  @FunctionalInterface
  interface Opener {
    Link open() throws io.trustchain.transport.TransportException;
  }
}
