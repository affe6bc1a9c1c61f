package io.trustchain.transport.ssh;

import java.io.IOException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** An authenticated sshj client. */
final class SshjLink implements Link {

  private final SSHClient client;

  SshjLink(SSHClient client) {
    this.client = client;
  }

  @Override
  public boolean isOpen() {
    return client.isConnected() && client.getTransport().isRunning() && client.isAuthenticated();
  }

  @Override
  public RemoteProcess start(String commandLine) throws IOException {
    Session session = client.startSession();
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
    try {
      client.disconnect();
    } catch (IOException | RuntimeException e) {
      // already gone
    }
  }
}
