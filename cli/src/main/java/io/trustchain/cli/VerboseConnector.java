package io.trustchain.cli;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.inventory.JumpHost;
import io.trustchain.transport.Connector;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code -vvv}: every remote exec with its host, number, duration, exit status and output sizes;
 * {@code -vvvv}: each connection too (user, address, port, jump hosts, key, how long it took).
 * Never the script's text or output (they may quote secrets' surroundings), only their sizes.
 */
final class VerboseConnector implements Connector {

  private final Connector inner;
  private final PrintWriter err;
  private final int verbosity;

  private VerboseConnector(Connector inner, PrintWriter err, int verbosity) {
    this.inner = inner;
    this.err = err;
    this.verbosity = verbosity;
  }

  static Connector wrap(Connector inner, PrintWriter err, int verbosity) {
    return verbosity >= 3 ? new VerboseConnector(inner, err, verbosity) : inner;
  }

  @Override
  public Transport connect(ConnectionSpec spec) throws TransportException {
    long start = System.nanoTime();
    try {
      Transport t = inner.connect(spec);
      if (verbosity >= 4) {
        say(spec.host() + ": connected as " + spec + via(spec) + spec.privateKeyFile().map(k -> ", key " + k)
            .orElse(", default keys and ssh-agent") + " in " + ms(start));
      }
      return new Logged(t, spec.host());
    } catch (TransportException e) {
      if (verbosity >= 4) {
        say(spec.host() + ": connection as " + spec + via(spec) + " failed after " + ms(start) + ": " + e.kind());
      }
      throw e;
    }
  }

  @Override
  public void close() {
    inner.close();
  }

  private static String via(ConnectionSpec spec) {
    return spec.jumps().isEmpty() ? "" : " via " + spec.jumps().stream().map(JumpHost::toString)
        .collect(Collectors.joining(" -> "));
  }

  private static String ms(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
  }

  private void say(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  private final class Logged implements Transport {
    private final Transport inner;
    private final String host;
    private final AtomicInteger execs = new AtomicInteger();

    Logged(Transport inner, String host) {
      this.inner = inner;
      this.host = host;
    }

    @Override
    public String host() {
      return inner.host();
    }

    @Override
    public ExecResult exec(RemoteScript script) throws TransportException {
      int n = execs.incrementAndGet();
      long start = System.nanoTime();
      try {
        ExecResult r = inner.exec(script);
        say(host + ": exec #" + n + ": exit " + r.exitStatus() + " in " + ms(start) + " (" + script.text().length()
            + " bytes sent, " + r.stdout().length() + "/" + r.stderr().length() + " bytes out/err"
            + (script.secrets().isEmpty() ? "" : ", " + script.secrets().size() + " secret(s) on stdin") + ")");
        return r;
      } catch (TransportException e) {
        say(host + ": exec #" + n + ": " + e.kind() + " after " + ms(start));
        throw e;
      }
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
