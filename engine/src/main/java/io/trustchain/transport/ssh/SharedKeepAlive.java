package io.trustchain.transport.ssh;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.schmizz.concurrent.Promise;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.ConnectionImpl;
import net.schmizz.sshj.transport.TransportException;

/**
 * OpenSSH keepalives ({@code keepalive@openssh.com}, with a reply) for every connection of the process, timed by one
 * shared scheduler thread instead of sshj's platform thread per connection: that thread was started and stopped for
 * every host, though most runs end before its first keepalive (15 s). As sshj's {@code KeepAliveRunner}, a connection
 * whose last {@link #MAX_UNANSWERED} keepalives got no reply is ended, so a vanished host is noticed.
 *
 * <p>sshj still makes one of these per connection (its {@link KeepAlive} is a {@link Thread}), but it is never
 * started: {@link #isEnabled()} says no to sshj, and {@link SshjConnect} calls {@link #start(ConnectionImpl)} once the
 * connection is authenticated ({@link #stop} when {@link SshjLink} closes it). Each keepalive is sent from a virtual thread, so a connection whose socket is stuck
 * never holds up the others'.
 */
final class SharedKeepAlive extends KeepAlive {

  static final int MAX_UNANSWERED = 5;

  static final KeepAliveProvider PROVIDER = new KeepAliveProvider() {
    @Override
    public KeepAlive provide(ConnectionImpl connection) {
      return new SharedKeepAlive(connection);
    }
  };

  private static final ScheduledExecutorService TIMER = timer();

  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<Promise<SSHPacket, ConnectionException>> unanswered = new ArrayDeque<>();
  private volatile ScheduledFuture<?> ticks;

  private SharedKeepAlive(ConnectionImpl conn) {
    super(conn, "tc-ssh-keepalive");
  }

  /** Never: sshj must not start this thread (see the class comment). */
  @Override
  public boolean isEnabled() {
    return false;
  }

  /** Starts the keepalives of {@code connection} when its interval is above zero; they stop with its transport. */
  static void start(Connection connection) {
    if (connection.getKeepAlive() instanceof SharedKeepAlive k && k.getKeepAliveInterval() > 0) {
      k.lock.lock();
      try {
        if (k.ticks == null) {
          long every = k.getKeepAliveInterval();
          k.ticks = TIMER.scheduleWithFixedDelay(k::tick, every, every, TimeUnit.SECONDS);
        }
      } finally {
        k.lock.unlock();
      }
    }
  }

  /** Stops the keepalives of {@code connection} (it is being closed). */
  static void stop(Connection connection) {
    if (connection.getKeepAlive() instanceof SharedKeepAlive k) {
      ScheduledFuture<?> t = k.ticks;
      if (t != null) {
        t.cancel(false);
      }
    }
  }

  /** Whether keepalives are scheduled for this connection (tests). */
  boolean scheduled() {
    lock.lock();
    try {
      return ticks != null && !ticks.isDone();
    } finally {
      lock.unlock();
    }
  }

  private void tick() {
    if (!conn.getTransport().isRunning()) {
      ticks.cancel(false);
      return;
    }
    Thread.ofVirtual().name("tc-ssh-keepalive").start(() -> {
      try {
        doKeepAlive();
      } catch (TransportException | ConnectionException | RuntimeException e) {
        ticks.cancel(false);
        conn.getTransport().die(e);
      }
    });
  }

  @Override
  protected void doKeepAlive() throws TransportException, ConnectionException {
    lock.lock();
    try {
      while (!unanswered.isEmpty() && unanswered.peek().isFulfilled()) {
        unanswered.remove();
      }
      if (unanswered.size() >= MAX_UNANSWERED) {
        throw new ConnectionException(DisconnectReason.CONNECTION_LOST, "no reply to " + MAX_UNANSWERED
            + " keepalives in a row (" + MAX_UNANSWERED * getKeepAliveInterval() + " s)");
      }
      unanswered.add(conn.sendGlobalRequest("keepalive@openssh.com", true, new byte[0]));
    } finally {
      lock.unlock();
    }
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "tc-ssh-keepalives");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
