package io.trustchain.lab.cli;

import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.lab.server.LabEndpoint;
import io.trustchain.lab.server.LabServeLock;
import io.trustchain.lab.server.LabServer;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * {@code lab serve}: serves the fleet until Ctrl-C or SIGTERM, holding each state directory's
 * {@code serve.lock} and publishing its ports in {@code serve.json}, so runs of trustchain use these
 * hosts instead of starting their own.
 */
@Command(name = "serve", description = {
    "Serve the lab hosts over SSH on loopback until Ctrl-C, printing how to reach each one.",
    "Runs of trustchain against the same state directory use these hosts instead of starting their own."})
final class ServeCommand extends LabSubcommand {

  @Override
  int run(PrintWriter out, PrintWriter err) throws LabCliException, InvalidDocumentsException, IOException {
    List<LabHost> hosts = hosts();
    Set<Path> stateDirs = new LinkedHashSet<>();
    hosts.forEach(h -> stateDirs.add(h.stateDir()));
    List<LabServeLock> locks = new ArrayList<>();
    LabServer server = null;
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(stopped);
    }, "lab-serve-shutdown");
    try {
      for (Path dir : stateDirs) {
        locks.add(LabServeLock.acquire(dir));
      }
      server = LabServer.start(hosts, lab.factory());
      for (LabServeLock lock : locks) {
        Path dir = lock.stateDir();
        lock.publish(server.endpoints().stream()
            .filter(e -> e.host().stateDir().toAbsolutePath().normalize().equals(dir)).toList());
      }
      print(server, out);
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.println("Stopped serving the lab.");
      return LabCommand.OK;
    } finally {
      if (server != null) {
        server.close();
      }
      for (LabServeLock lock : locks) {
        try {
          lock.close();
        } catch (IOException e) {
          err.println("warning: " + e.getMessage());
        }
      }
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down, or never added
      }
    }
  }

  private static void print(LabServer server, PrintWriter out) {
    int width = 4;
    for (LabEndpoint e : server.endpoints()) {
      width = Math.max(width, e.name().length());
    }
    for (LabHost h : server.unreachable()) {
      width = Math.max(width, h.name().length());
    }
    for (LabEndpoint e : server.endpoints()) {
      out.println(pad(e.name(), width) + "  " + pad(e.hostPort(), 21) + "  " + e.sshCommand());
    }
    for (LabHost h : server.unreachable()) {
      out.println(pad(h.name(), width) + "  " + pad(new LabEndpoint(h, h.port()).hostPort(), 21)
          + "  not served: its scenario makes it unreachable");
    }
    int n = server.endpoints().size();
    out.println("Serving " + n + (n == 1 ? " lab host" : " lab hosts") + ". Press Ctrl-C to stop.");
    out.flush();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
