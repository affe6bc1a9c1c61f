package io.trustchain.transport.ssh;

import java.io.IOException;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** An authenticated sshj client, and the jump hosts' clients it is reached through (closed with it). */
final class SshjLink implements Link {

  private final SSHClient client;
  private final List<SSHClient> chain;

  /** @param chain the jump hosts' clients, then the target's (last) */
  SshjLink(List<SSHClient> chain) {
    this.chain = List.copyOf(chain);
    this.client = this.chain.get(this.chain.size() - 1);
  }

  @Override
  public boolean isOpen() {
    return client.isConnected() && client.getTransport().isRunning() && client.isAuthenticated();
  }

  @Override
  public RemoteProcess start(String commandLine) throws IOException {
    Session session;
    try {
      session = client.startSession();
    } catch (IllegalStateException e) {
      // sshj's "Not connected": the connection went down between isOpen() and here (a drop)
      throw new IOException("the connection is closed (" + e.getMessage() + ")", e);
    }
    try {
      return new SshjProcess(session, session.exec(commandLine));
    } catch (IOException | RuntimeException e) {
      try {
        session.close();
      } catch (IOException | RuntimeException ignored) {
        // the session could not start; closing is best effort
      }
      throw e;
    }
  }

  @Override
  public void close() {
    for (int i = chain.size() - 1; i >= 0; i--) {
      try {
        SharedKeepAlive.stop(chain.get(i).getConnection());
        chain.get(i).disconnect();
      } catch (IOException | RuntimeException e) {
        // already gone
      }
    }
  }
}
