package io.trustchain.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.server.FakeHostFactory;
import io.trustchain.lab.server.InProcessLabProvider;
import io.trustchain.lab.server.LabServeLock;
import io.trustchain.lab.server.SshjClient;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // servers and claims held open for the block
@Timeout(120)
class ServeCommandTest {

  @TempDir
  Path dir;

  private final FakeHostFactory factory = new FakeHostFactory();
  private Path fleet;
  private int portA;
  private int portB;

  @BeforeEach
  void fleetFile() throws IOException {
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/s.yml"), "macos: 14.5\n");
    portA = freePort();
    portB = freePort();
    fleet = dir.resolve("fleet.yml");
    Files.writeString(fleet, "- {name: mac-a, port: " + portA + ", scenario: scenarios/s.yml, ssh_user: admin}\n"
        + "- {name: mac-b, port: " + portB + ", scenario: scenarios/s.yml, ssh_user: bob}\n");
  }

  /** Runs lab serve in a thread until the returned handle's thread is interrupted. */
  private record Serving(Cli cli, Thread thread, CompletableFuture<Cli.Result> result) {
    String out() {
      return cli.out.toString();
    }

    Cli.Result stop() throws Exception {
      thread.interrupt();
      return result.get(30, TimeUnit.SECONDS);
    }
  }

  private Serving serve(String... extra) {
    Cli cli = new Cli(factory, null);
    CompletableFuture<Cli.Result> result = new CompletableFuture<>();
    String[] args = new String[extra.length + 3];
    args[0] = "serve";
    args[1] = "--fleet";
    args[2] = fleet.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    Thread t = Thread.ofPlatform().name("lab-serve-test").start(() -> result.complete(cli.run(args)));
    Serving s = new Serving(cli, t, result);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!s.out().contains("Press Ctrl-C") && !result.isDone() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return s;
  }

  @Test
  void servesTheFleetUntilStoppedAndReleasesItsLock() throws Exception {
    Serving s = serve();
    Path state = dir.resolve(".lab-state");
    String keyLine = state.resolve("id_ed25519").toString();
    assertThat(s.out()).contains(
        "mac-a  127.0.0.1:" + portA + "        ssh -i " + keyLine + " -o UserKnownHostsFile=" + state.resolve("known_hosts")
            + " -p " + portA + " admin@127.0.0.1\n",
        "-p " + portB + " bob@127.0.0.1\n",
        "Serving 2 lab hosts. Press Ctrl-C to stop.\n");
    assertThat(LabServeLock.running(state)).hasValueSatisfying(f ->
        assertThat(f.hosts()).extracting(e -> e.name() + ":" + e.port()).containsExactly("mac-a:" + portA, "mac-b:" + portB));
    try (SshjClient c = new SshjClient(state.resolve("known_hosts"), state.resolve("id_ed25519"), "bob", portB)) {
      assertThat(c.exec("whoami", "").stdout()).isEqualTo("bob\n");
    }

    Cli.Result r = s.stop();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).endsWith("Stopped serving the lab.\n");
    assertThat(LabServeLock.running(state)).isEmpty();
    assertThat(state.resolve("serve.json")).doesNotExist();
    try (ServerSocket free = new ServerSocket(portA)) {
      assertThat(free.getLocalPort()).as("port released").isEqualTo(portA);
    }
  }

  @Test
  void thePrintedSshLineWorksWithOpenSsh() throws Exception {
    Serving s = serve();
    try {
      String line = s.out().lines().filter(l -> l.startsWith("mac-a ")).findFirst().orElseThrow();
      String ssh = line.substring(line.indexOf("ssh -i"));
      Process p = new ProcessBuilder("/bin/sh", "-c", ssh.replaceFirst("^ssh ", "ssh -o BatchMode=yes ") + " whoami")
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as(err).isEqualTo("admin\n");
    } finally {
      s.stop();
    }
  }

  @Test
  void aSecondServeOfTheSameStateIsRefused() throws Exception {
    Serving first = serve();
    try {
      Cli.Result second = new Cli(new FakeHostFactory(), null).run("serve", "--fleet", fleet.toString());
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.err()).startsWith("error: lab serve is already running for the state directory ");
    } finally {
      first.stop();
    }
  }

  @Test
  void runsOfTrustchainUseTheServedHosts() throws Exception {
    Serving s = serve();
    try {
      Path state = dir.resolve(".lab-state");
      LabHost a = new LabHost("mac-a", "127.0.0.1", portA, dir.resolve("scenarios/s.yml"), state,
          state.resolve("known_hosts"), state.resolve("id_ed25519"), "admin");
      FakeHostFactory runFactory = new FakeHostFactory();
      try (AutoCloseable run = new InProcessLabProvider(runFactory).serve(List.of(a));
          SshjClient c = new SshjClient(state.resolve("known_hosts"), state.resolve("id_ed25519"), "admin", portA)) {
        assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
        assertThat(runFactory.host("mac-a")).isNull();
      }
    } finally {
      s.stop();
    }
  }

  @Test
  void aTakenPortStopsServeWithTheReason() throws Exception {
    try (ServerSocket taken = new ServerSocket(portB, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result r = new Cli(factory, null).run("serve", "--fleet", fleet.toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("error: port " + portB + " for lab host mac-b is in use by another program;"
          + " stop it or change ansible_port\n");
      assertThat(LabServeLock.running(dir.resolve(".lab-state"))).isEmpty();
    }
  }

  private static int freePort() throws IOException {
    return io.trustchain.testing.Ports.free();
  }
}
