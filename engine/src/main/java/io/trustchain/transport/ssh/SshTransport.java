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
import java.util.concurrent.locks.ReentrantLock;

/**
 * One host's SSH connection, reused for every exec of the run.
 *
 * <p>An exec runs the script as {@code sh -c '<text>'} (see {@link RemoteCommandLine}), writes the
 * {@link StdinPayload} and closes stdin, waits for the channel's close and takes stdout and stderr then
 * ({@link ExecOutput}: one wake-up per exec, not one per packet), and waits at most the script's timeout (the
 * connector's default when the script has none).
 *
 * <p>Failures: a secret that cannot be resolved, or holds a line break, is {@code SECRET} and
 * nothing runs; a script that outlives its timeout is killed on the host with everything it started by
 * trustchain's {@link Watchdog}, which says so: {@code TIMEOUT} with {@link TransportException#knownDead()}
 * when the host confirmed it gone; no word from the host within the timeout plus {@link Watchdog#GRACE} is
 * {@code TIMEOUT}, not known dead (the channel is closed, the connection kept); a connection that drops
 * during the exec, or an exec that ends without an exit status, is {@code DROPPED}.
 *
 * <p>Reconnection: the exec during which the connection dropped is never retried (its commands may
 * have changed the Mac, and may not be idempotent). The NEXT exec on this transport opens a new
 * connection, with the same host key check and authentication, so that a later stage (verify, or
 * the next change's re-gather) can still reach the host; when that fails it reports why
 * ({@code UNREACHABLE}, {@code HOST_KEY}, {@code AUTH}). Execs on one transport are serialized by a
 * {@link ReentrantLock}, not {@code synchronized}: an exec waits on the network, and on JDK 21 a virtual
 * thread that blocks inside {@code synchronized} pins its carrier thread (JEP 444; lifted only in JDK 24).
 */
final class SshTransport implements Transport {

  private final ConnectionSpec spec;
  private final SecretResolver secrets;
  private final Duration defaultTimeout;
  private final Link.Opener opener;
  private Link link;
  private boolean closed;
  /**
   * The connections of one run whose become password sudo accepted alone (host and reference): shared by the
   * connector's transports, so a host reconnected later in the run (apply reconnects after planning) is not
   * checked again.
   */
  private final java.util.Set<String> becomeAccepted;
  private Runnable onClose = () -> {};
  private final ReentrantLock lock = new ReentrantLock();
  private Duration grace = Watchdog.GRACE;

  SshTransport(ConnectionSpec spec, SecretResolver secrets, Duration defaultTimeout, Link.Opener opener,
      Link first) {
    this(spec, secrets, defaultTimeout, opener, first, java.util.concurrent.ConcurrentHashMap.newKeySet());
  }

  SshTransport(ConnectionSpec spec, SecretResolver secrets, Duration defaultTimeout, Link.Opener opener,
      Link first, java.util.Set<String> becomeAccepted) {
    this.becomeAccepted = Objects.requireNonNull(becomeAccepted, "becomeAccepted == null");
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
  public ExecResult exec(RemoteScript script) throws TransportException {
    Objects.requireNonNull(script, "script == null");
    lock.lock();
    try {
      if (closed) {
        throw new TransportException(Kind.DROPPED, where() + ": the connection was closed by trustchain");
      }
      byte[] stdin = StdinPayload.build(script, spec.become() ? spec.becomePassword() : Optional.empty(),
          secrets);
      try {
        boolean withPassword = spec.become() && spec.becomePassword().isPresent();
        if (withPassword && !becomeAccepted.contains(becomeKey()) && !script.secrets().isEmpty()) {
          checkBecome(timeoutOf(script));
        }
        Duration timeout = timeoutOf(script);
        ExecResult result = run(RemoteCommandLine.of(script, timeout, spec.become(), withPassword), timeout, grace,
            stdin);
        Optional<Watchdog.Word> killed = result.exitStatus() == 124 || result.exitStatus() == 125
            ? Watchdog.read(result.stdout(), script.nonce()) : Optional.empty();
        if (killed.isPresent()) {
          throw killedByWatchdog(timeout, killed.get());
        }
        boolean ran = result.stdout().contains(script.nonce());
        if (withPassword && result.exitStatus() != 0 && !ran) {
          Optional<String> refused = BecomeCheck.refusal(result.stderr());
          if (refused.isPresent()) {
            throw BecomeCheck.refused(where(), spec.user(), refused.get());
          }
        }
        if (withPassword && ran && script.secrets().isEmpty()) {
          becomeAccepted.add(becomeKey()); // sudo accepted the password alone on stdin: that exec was the check
        }
        return result;
      } finally {
        Arrays.fill(stdin, (byte) 0);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The become password alone, in an exec of its own ({@link BecomeCheck}): sudo never sees the script's
   * secrets, even when it refuses the password and would read more lines as attempts.
   */
  private void checkBecome(Duration timeout) throws TransportException {
    byte[] stdin = StdinPayload.becomeOnly(spec.becomePassword().orElseThrow(), secrets);
    try {
      ExecResult r = run(BecomeCheck.COMMAND, timeout, Duration.ZERO, stdin);
      if (r.exitStatus() != 0) {
        throw BecomeCheck.refused(where(), spec.user(), BecomeCheck.refusal(r.stderr())
            .orElse("exit " + r.exitStatus() + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip())));
      }
      becomeAccepted.add(becomeKey());
    } finally {
      Arrays.fill(stdin, (byte) 0);
    }
  }

  /** The script outlived its timeout and trustchain's watchdog on the host killed its process group. */
  private TransportException killedByWatchdog(Duration timeout, Watchdog.Word word) {
    String what = where() + ": the remote command did not finish within " + human(timeout)
        + "; trustchain's watchdog on the host killed its process group " + word.processGroup();
    return TransportException.timedOut(word.dead() ? what + ", and it is gone"
        : what + ", but a process of it survived SIGKILL: it may still be running", word.dead());
  }

  private String becomeKey() {
    return spec.host() + "\0" + spec.user() + "\0" + spec.becomePassword().map(r -> r.describe()).orElse("");
  }

  private Duration timeoutOf(RemoteScript script) {
    return script.timeout().isZero() || script.timeout().isNegative() ? defaultTimeout : script.timeout();
  }

  /**
   * Runs one command line. It may take {@code timeout}; once the host has answered anything, {@code grace} more
   * for the watchdog's word (a host that said nothing by then is given up at {@code timeout}: a far-away or
   * stuck host, where nothing is known of the command).
   */
  private ExecResult run(String commandLine, Duration timeout, Duration grace, byte[] stdin)
      throws TransportException {
    Link live = liveLink();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long extended = deadline + grace.toNanos();
    RemoteProcess process;
    try {
      process = live.start(commandLine);
    } catch (IOException e) {
      throw dropped(live, "could not start the remote command", e);
    }
    ExecOutput output = new ExecOutput(process);
    IOException stdinFailure = writeStdin(process, stdin);
    boolean ended;
    try {
      ended = output.awaitClose(deadline);
      if (!ended && output.heard() && extended > deadline) {
        ended = output.awaitClose(extended);
      }
    } catch (IOException e) {
      process.abort();
      throw dropped(live, "the connection dropped during the remote command", e);
    }
    Integer status = process.exitStatus();
    if (!ended && status != null) {
      // the host said how it ended but never closed the channel: take what came, and close it
      try {
        output.takeBuffered();
      } catch (IOException e) {
        // what came is what there is
      }
      process.abort();
    }
    if (status == null) {
      boolean heard = output.heard();
      process.abort();
      if (!ended && live.isOpen()) {
        throw unanswered(timeout, grace, heard);
      }
      String signal = process.exitSignal();
      String why = signal != null ? "the remote command was ended by " + signal + " without an exit status"
          : stdinFailure != null ? "the remote command ended without an exit status (stdin: "
              + stdinFailure.getMessage() + ")"
          : "the remote command ended without an exit status";
      throw dropped(live, why, null);
    }
    return new ExecResult(status, output.stdout(StandardCharsets.UTF_8), output.stderr(StandardCharsets.UTF_8),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * No end, and no word of the watchdog, in time: the channel is closed, and whether the command still runs on
   * the host is not known.
   */
  private TransportException unanswered(Duration timeout, Duration grace, boolean heard) {
    String what = heard && !grace.isZero()
        ? "the remote command did not finish within " + human(timeout) + ", and trustchain's watchdog on the host"
            + " said nothing within " + human(grace) + " more"
        : "the remote command did not answer within " + human(timeout);
    return TransportException.timedOut(where() + ": " + what + "; its channel was closed, and whether it still"
        + " runs on the host is not known", false);
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

  /** For tests: how much longer than a script's timeout to wait for the watchdog's word. */
  SshTransport withGrace(Duration wait) {
    this.grace = Objects.requireNonNull(wait, "wait == null");
    return this;
  }

  /** Runs {@code action} once this transport is closed (the connector forgets it). */
  SshTransport whenClosed(Runnable action) {
    lock.lock();
    try {
      this.onClose = Objects.requireNonNull(action, "action == null");
      return this;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    Runnable action;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (link != null) {
        link.close();
        link = null;
      }
      action = onClose;
    } finally {
      lock.unlock();
    }
    action.run();
  }

  @Override
  public String toString() {
    return spec.host() + " via ssh " + spec;
  }
}
