package io.trustchain.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.inject.Inject;
import io.trustchain.inventory.Inventory;
import io.trustchain.run.Fleet;
import io.trustchain.run.Parallel;
import io.trustchain.run.Target;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.TransportException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trustchain ping}: connect, authenticate and run {@code true} on each host, like Ansible's
 * {@code ansible -m ping}: as every exec of trustchain, through sudo when the inventory sets
 * {@code ansible_become}, so a pong means facts can be gathered. Nothing else happens, so it is also
 * the floor any SSH client pays (the benchmark compares facts and plan against it).
 */
@Command(name = "ping", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
    description = "Connect, authenticate and run `true` on each host (like ansible -m ping).")
final class PingCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  /** One host's answer: how long connect, authentication and {@code true} took, or why it failed. */
  record Pong(String host, Optional<String> error, Duration took) {}

  @Override
  public Integer call() throws Exception {
    format.textOrJson("ping");
    Session session = ctx.session(connect);
    Inventory inv = ctx.inventory(inventory, session);
    List<Target> targets = ctx.hosts(inv, connect, session);
    List<Pong> pongs;
    try (Fleet fleet = session.fleet()) {
      ctx.startLab(fleet, targets);
      Duration timeout = session.commandTimeout();
      pongs = Parallel.map(targets, connect.forks(ctx.config), t -> ping(fleet, t, timeout));
    }
    ctx.out.print(format == Format.json ? json(pongs) : text(pongs));
    ctx.out.flush();
    return pongs.stream().allMatch(p -> p.error().isEmpty()) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static Pong ping(Fleet fleet, Target t, Duration timeout) {
    long start = System.nanoTime();
    try {
      ExecResult r = fleet.transport(t).exec(new RemoteScript("true", List.of(), timeout, "ping"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (r.exitStatus() != 0) {
        String said = r.stderr().strip();
        return new Pong(t.host(), Optional.of("`true` exited " + r.exitStatus() + (said.isEmpty() ? "" : ": " + said)),
            took);
      }
      return new Pong(t.host(), Optional.empty(), took);
    } catch (TransportException e) {
      return new Pong(t.host(), Optional.of(e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
    } finally {
      fleet.forget(t);
    }
  }

  static String text(List<Pong> pongs) {
    int width = pongs.stream().mapToInt(p -> p.host().length()).max().orElse(4);
    StringBuilder b = new StringBuilder();
    int failed = 0;
    for (Pong p : pongs) {
      b.append(String.format("%-" + width + "s  ", p.host()));
      if (p.error().isPresent()) {
        failed++;
        b.append("UNREACHABLE  ").append(p.error().get()).append('\n');
      } else {
        b.append("pong  ").append(p.took().toMillis()).append(" ms\n");
      }
    }
    int n = pongs.size();
    b.append(n).append(n == 1 ? " host: " : " hosts: ").append(n - failed).append(" reachable");
    if (failed > 0) {
      b.append(", ").append(failed).append(" unreachable");
    }
    return b.append(".\n").toString();
  }

  static String json(List<Pong> pongs) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("format_version", 1);
      g.writeObjectFieldStart("hosts");
      for (Pong p : pongs) {
        g.writeObjectFieldStart(p.host());
        g.writeBooleanField("reachable", p.error().isEmpty());
        g.writeStringField("error", p.error().orElse(null));
        g.writeNumberField("millis", p.took().toMillis());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return w + "\n";
  }
}
