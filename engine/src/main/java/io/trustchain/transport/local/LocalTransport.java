package io.trustchain.transport.local;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.StdinPayload;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Pull mode: one script per exec, run on this machine as {@code /bin/sh -c TEXT} (with become,
 * {@code sudo -S -p '' /bin/sh -c TEXT}, or {@code sudo -n …} without a password), the same script and the
 * same stdin bytes as over SSH ({@link StdinPayload}): secrets only on stdin, never in the argv. The scripts
 * get a small environment: {@code PATH} from the connection, {@code HOME}, {@code USER}/{@code LOGNAME} and
 * {@code LANG=C} kept from this process, nothing else. A script that does not end within its timeout is
 * killed with everything it started (TIMEOUT, {@link TransportException#knownDead() known dead} once they are all
 * gone). Execs on one transport are serialized by a {@link ReentrantLock}, not {@code synchronized}: an exec
 * waits on a process, and on JDK 21 a virtual thread that blocks inside {@code synchronized} pins its carrier.
 */
final class LocalTransport implements Transport {

  private static final List<String> KEPT = List.of("HOME", "USER", "LOGNAME", "TMPDIR");

  private final ConnectionSpec spec;
  private final SecretResolver secrets;
  private final Duration defaultTimeout;
  private final Path shell;
  private final Consumer<LocalTransport> onClose;
  private boolean closed;
  private final ReentrantLock lock = new ReentrantLock();

  LocalTransport(ConnectionSpec spec, SecretResolver secrets, Duration defaultTimeout, Path shell,
      Consumer<LocalTransport> onClose) {
    this.spec = spec;
    this.secrets = secrets;
    this.defaultTimeout = defaultTimeout;
    this.shell = shell;
    this.onClose = onClose;
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
        throw new TransportException(Kind.DROPPED, where() + ": the transport was closed by trustchain");
      }
      byte[] stdin = StdinPayload.build(script, spec.become() ? spec.becomePassword() : Optional.empty(), secrets);
      try {
        return run(script, stdin);
      } finally {
        Arrays.fill(stdin, (byte) 0);
      }
    } finally {
      lock.unlock();
    }
  }

  private ExecResult run(RemoteScript script, byte[] stdin) throws TransportException {
    Duration timeout = script.timeout().isZero() || script.timeout().isNegative() ? defaultTimeout : script.timeout();
    ProcessBuilder pb = new ProcessBuilder(argv(script));
    Map<String, String> env = pb.environment();
    Map<String, String> mine = Map.copyOf(env);
    env.clear();
    KEPT.forEach(k -> {
      if (mine.containsKey(k)) {
        env.put(k, mine.get(k));
      }
    });
    env.put("PATH", spec.local().orElseThrow().path());
    env.put("LANG", "C");
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new TransportException(Kind.UNREACHABLE, where() + ": cannot start " + shell + ": " + e.getMessage(), e);
    }
    Collector out = Collector.start(p.getInputStream());
    Collector err = Collector.start(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    } catch (IOException e) {
      // the script may end without reading its stdin; its exit status tells
    }
    try {
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        boolean dead = kill(p);
        throw TransportException.timedOut(where() + ": the command did not finish within " + human(timeout)
            + (dead ? "; it was killed with what it started, and they are gone"
                : "; it was killed with what it started, but not all of them ended: it may still be running"), dead);
      }
      return new ExecResult(p.exitValue(), out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      destroy(p);
      Thread.currentThread().interrupt();
      throw new TransportException(Kind.DROPPED, where() + ": interrupted; the command was killed");
    }
  }

  private List<String> argv(RemoteScript script) {
    List<String> argv = new ArrayList<>();
    if (spec.become()) {
      argv.addAll(spec.becomePassword().isPresent() ? List.of("sudo", "-S", "-p", "") : List.of("sudo", "-n"));
    }
    argv.addAll(List.of(shell.toString(), "-c", script.text()));
    return argv;
  }

  /**
   * The shell first (so it starts nothing more), then everything it had started; true once all of them ended
   * (waiting up to 3 s).
   */
  private static boolean kill(Process p) throws InterruptedException {
    List<ProcessHandle> started = destroy(p);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (p.isAlive() || started.stream().anyMatch(ProcessHandle::isAlive)) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Kills the shell and what it started, without waiting; returns what it had started. */
  private static List<ProcessHandle> destroy(Process p) {
    List<ProcessHandle> started = p.descendants().toList();
    p.destroyForcibly();
    started.forEach(ProcessHandle::destroyForcibly);
    return started;
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  private String where() {
    return spec.host() + " (local)";
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }
    onClose.accept(this);
  }

  @Override
  public String toString() {
    return spec.host() + " via local " + shell;
  }

  /** Reads one stream to its end on a virtual thread. */
  private static final class Collector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ReentrantLock guard = new ReentrantLock();
    private final Thread reader;

    private Collector(InputStream in) {
      this.reader = Thread.ofVirtual().name("tc-local-read").start(() -> {
        byte[] buf = new byte[8192];
        try (in) {
          int n;
          while ((n = in.read(buf)) >= 0) {
            guard.lock();
            try {
              bytes.write(buf, 0, n);
            } finally {
              guard.unlock();
            }
          }
        } catch (IOException e) {
          // the process ended; what was read is kept
        }
      });
    }

    static Collector start(InputStream in) {
      return new Collector(in);
    }

    /** What was read; waits a moment for the end of the stream (a process the script left running may hold it). */
    String text() throws InterruptedException {
      reader.join(Duration.ofSeconds(2));
      guard.lock();
      try {
        return bytes.toString(StandardCharsets.UTF_8);
      } finally {
        guard.unlock();
      }
    }
  }
}
