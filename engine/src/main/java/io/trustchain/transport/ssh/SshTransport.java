package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.StdinPayload;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One host's SSH connection, reused for every exec of the run.
 *
 * <p>An exec runs the script as {@code sh -c '<text>'} (see {@link RemoteCommandLine}), writes the
 * {@link StdinPayload} and closes stdin, reads stdout and stderr concurrently on virtual threads,
 * and waits at most the script's timeout (the connector's default when the script has none).
 *
 * <p>Failures: a secret that cannot be resolved, or holds a line break, is {@code SECRET} and
 * nothing runs; no end within the timeout is {@code TIMEOUT} (the channel is closed, the connection
 * kept); a connection that drops during the exec, or an exec that ends without an exit status, is
 * {@code DROPPED}.
 *
 * <p>Reconnection: the exec during which the connection dropped is never retried (its commands may
 * have changed the Mac, and may not be idempotent). The NEXT exec on this transport opens a new
 * connection, with the same host key check and authentication, so that a later stage (verify, or
 * the next change's re-gather) can still reach the host; when that fails it reports why
 * ({@code UNREACHABLE}, {@code HOST_KEY}, {@code AUTH}). Execs on one transport are serialized.
 */
final class SshTransport implements Transport {

  private final ConnectionSpec spec;
  private final SecretResolver secrets;
  private final Duration defaultTimeout;
  private final Link.Opener opener;
  private Link link;
  private boolean closed;
  private Runnable onClose = () -> {};

  SshTransport(ConnectionSpec spec, SecretResolver secrets, Duration defaultTimeout, Link.Opener opener,
      Link first) {
    this.spec = Objects.requireNonNull(spec, "spec == null");
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
    this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout == null");
    this.opener = Objects.requireNonNull(opener, "opener == null");
    this.link = Objects.requireNonNull(first, "first == null");
  }

  @Override
  public String host() {
    return spec.host();
  }

  @Override
  public synchronized ExecResult exec(RemoteScript script) throws TransportException {
    Objects.requireNonNull(script, "script == null");
    if (closed) {
      throw new TransportException(Kind.DROPPED, where() + ": the connection was closed by trustchain");
    }
    byte[] stdin = StdinPayload.build(script, spec.become() ? spec.becomePassword() : Optional.empty(),
        secrets);
    try {
      return run(script, stdin);
    } finally {
      Arrays.fill(stdin, (byte) 0);
    }
  }

  private ExecResult run(RemoteScript script, byte[] stdin) throws TransportException {
    Link live = liveLink();
    String commandLine = RemoteCommandLine.of(script, spec.become(), spec.becomePassword().isPresent());
    Duration timeout = script.timeout().isZero() || script.timeout().isNegative() ? defaultTimeout : script.timeout();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    RemoteProcess process;
    try {
      process = live.start(commandLine);
    } catch (IOException e) {
      throw dropped(live, "could not start the remote command", e);
    }
    StreamCollector out = StreamCollector.start(process.stdout());
    StreamCollector err = StreamCollector.start(process.stderr());
    IOException stdinFailure = writeStdin(process, stdin);
    try {
      out.await(remaining(deadline));
      err.await(remaining(deadline));
    } catch (StreamCollector.TimedOut e) {
      process.abort();
      throw new TransportException(Kind.TIMEOUT, where() + ": the remote command did not finish within "
          + human(timeout) + "; its channel was closed");
    } catch (IOException e) {
      process.abort();
      throw dropped(live, "the connection dropped during the remote command", e);
    }
    boolean ended = process.awaitClosed(remaining(deadline));
    Integer status = process.exitStatus();
    if (status == null) {
      process.abort();
      if (!ended && live.isOpen()) {
        throw new TransportException(Kind.TIMEOUT, where() + ": the remote command did not finish within "
            + human(timeout) + "; its channel was closed");
      }
      String signal = process.exitSignal();
      String why = signal != null ? "the remote command was ended by " + signal + " without an exit status"
          : stdinFailure != null ? "the remote command ended without an exit status (stdin: "
              + stdinFailure.getMessage() + ")"
          : "the remote command ended without an exit status";
      throw dropped(live, why, null);
    }
    return new ExecResult(status, out.text(StandardCharsets.UTF_8), err.text(StandardCharsets.UTF_8),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Whether the link is down, or goes down within a moment: when a session dies with its connection, the
   * channel's end often arrives before sshj notices the TCP close. Only on this failure path.
   */
  private static boolean closesSoon(Link live) {
    long until = System.nanoTime() + 250_000_000L;
    while (live.isOpen() && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return !live.isOpen();
  }

  /** Writes stdin and closes it (EOF). A failure is kept: it only matters when no status comes. */
  private static IOException writeStdin(RemoteProcess process, byte[] stdin) {
    try (OutputStream in = process.stdin()) {
      if (stdin.length > 0) {
        in.write(stdin);
        in.flush();
      }
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private Link liveLink() throws TransportException {
    if (link != null && link.isOpen()) {
      return link;
    }
    if (link != null) {
      link.close();
      link = null;
    }
    link = opener.open();
    return link;
  }

  private TransportException dropped(Link live, String what, IOException cause) {
    boolean down = closesSoon(live);
    if (down) {
      live.close();
      if (live == link) {
        link = null;
      }
    }
    String reason = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new TransportException(Kind.DROPPED, where() + ": " + what + reason
        + (down ? " (the connection is down; the next exec reconnects)" : ""), cause);
  }

  private String where() {
    return spec.host() + " (" + spec.address() + ":" + spec.port() + ")";
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  /** Runs {@code action} once this transport is closed (the connector forgets it). */
  synchronized SshTransport whenClosed(Runnable action) {
    this.onClose = Objects.requireNonNull(action, "action == null");
    return this;
  }

  @Override
  public void close() {
    Runnable action;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (link != null) {
        link.close();
        link = null;
      }
      action = onClose;
    }
    action.run();
  }

  @Override
  public String toString() {
    return spec.host() + " via ssh " + spec;
  }
}
