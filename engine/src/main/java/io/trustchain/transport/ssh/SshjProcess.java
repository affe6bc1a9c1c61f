package io.trustchain.transport.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.connection.channel.direct.Session;

/** A command on an sshj session channel. */
final class SshjProcess implements RemoteProcess {

  private final Session session;
  private final Session.Command command;

  SshjProcess(Session session, Session.Command command) {
    this.session = session;
    this.command = command;
  }

  @Override
  public OutputStream stdin() {
    return command.getOutputStream();
  }

  @Override
  public InputStream stdout() {
    return command.getInputStream();
  }

  @Override
  public InputStream stderr() {
    return command.getErrorStream();
  }

  @Override
  public boolean awaitClosed(Duration timeout) {
    try {
      command.join(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (java.io.IOException e) {
      // a timeout or a connection error: the caller decides from isOpen and the exit status
    }
    return !command.isOpen();
  }

  @Override
  public Integer exitStatus() {
    return command.getExitStatus();
  }

  @Override
  public String exitSignal() {
    Signal signal = command.getExitSignal();
    return signal == null ? null : "signal " + signal.name();
  }

  @Override
  public void abort() {
    // Channel.close() waits for the peer's confirmation (up to the connection timeout); a hung or
    // vanished peer must not hold up the caller, so close on a virtual thread.
    Thread.ofVirtual().name("tc-ssh-close").start(() -> {
      try {
        session.close();
      } catch (java.io.IOException | RuntimeException e) {
        // closing a broken channel: nothing left to do
      }
    });
  }
}
