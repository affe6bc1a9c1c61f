package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.shell.FakeMachine;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network tests: a hung connection fails the test instead of the build. */
@org.junit.jupiter.api.Timeout(120)
class NetworkFaultsTest {

  @TempDir
  Path dir;

  private FakeHostFactory factoryWith(NetworkFault fault) {
    return new FakeHostFactory(name -> FakeMachine.standard(name).fault(fault));
  }

  private SshjClient client(LabServer lab, String host) throws IOException {
    return new SshjClient(dir.resolve("known_hosts"), dir.resolve("keys/id_lab"), "admin",
        lab.endpoint(host).orElseThrow().port());
  }

  @Test
  void unreachableHostIsNotServed() throws IOException {
    NetworkFault down = new NetworkFault("down", NetworkFault.Kind.UNREACHABLE, null, null, 1);
    FakeHostFactory factory = factoryWith(down);
    LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      assertThat(lab.endpoints()).isEmpty();
      assertThat(lab.unreachable()).containsExactly(h);
      assertThatThrownBy(() -> new Socket("127.0.0.1", h.port()).close()).isInstanceOf(ConnectException.class);
      assertThat(factory.host("mac-a").machine().firedFaults()).containsExactly(down);
    }
    try (LabServer lab = LabServer.start(List.of(h), factory); SshjClient c = client(lab, "mac-a")) {
      assertThat(c.exec("whoami", "").stdout()).as("fired once, then served").isEqualTo("admin\n");
    }
  }

  @Test
  void slowHostDelaysEachExecButAnswers() throws IOException {
    NetworkFault slow = new NetworkFault("slow", NetworkFault.Kind.SLOW, null, Duration.ofMillis(200), -1);
    FakeHostFactory factory = factoryWith(slow);
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory); SshjClient c = client(lab, "mac-a")) {
      assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
      assertThat(c.exec("whoami", "").exitStatus()).isZero();
      assertThat(factory.host("mac-a").machine().firedFaults()).containsExactly(slow, slow);
      assertThat(factory.host("mac-a").isLocked()).as("the wait holds no transaction").isFalse();
    }
  }

  @Test
  void dropClosesTheConnectionAfterTheMatchingProgramRan() throws IOException {
    NetworkFault drop = new NetworkFault("drop", NetworkFault.Kind.DROP, "^whoami", null, 1);
    FakeHostFactory factory = factoryWith(drop);
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      FakeHost host = factory.host("mac-a");
      try (SshjClient c = client(lab, "mac-a")) {
        int saves = host.saves();
        SshjClient.Result r;
        try {
          r = c.exec("args before; whoami; args after", "");
        } catch (IOException e) {
          r = null;
        }
        if (r != null) {
          assertThat(r.exitStatus()).as("no exit status").isNull();
          assertThat(r.stdout()).doesNotContain("after");
        }
        assertThat(host.machine().runs()).extracting(run -> run.commandLine().get(0)).containsExactly("args", "whoami");
        assertThat(host.saves()).as("its effect was saved").isEqualTo(saves + 1);
        waitFor(() -> !c.isConnected());
      }
      try (SshjClient again = client(lab, "mac-a")) {
        assertThat(again.exec("whoami", "").stdout()).as("fired once").isEqualTo("admin\n");
      }
    }
  }

  @Test
  void hangReleasesTheHostAndHoldsTheChannelUntilTheClientLeaves() throws Exception {
    NetworkFault hang = new NetworkFault("hang", NetworkFault.Kind.HANG, "fdesetup", null, 1);
    FakeHostFactory factory = new FakeHostFactory(name -> {
      FakeMachine m = FakeMachine.standard(name).fault(hang);
      m.program("fdesetup", (ctx, args) -> {
        ctx.stdout().println("never printed");
        return 0;
      });
      return m;
    });
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      FakeHost host = factory.host("mac-a");
      SshjClient hung = client(lab, "mac-a");
      CompletableFuture<SshjClient.Result> pending = CompletableFuture.supplyAsync(() -> {
        try {
          return hung.exec("echo started; fdesetup enable; echo after", "");
        } catch (IOException e) {
          return null;
        }
      }, SshjClient.THREADS);
      waitFor(() -> !host.machine().firedFaults().isEmpty());
      waitFor(() -> !host.isLocked());
      try (SshjClient other = client(lab, "mac-a")) {
        assertThat(other.exec("whoami", "").stdout()).as("no deadlock").isEqualTo("admin\n");
      }
      assertThat(pending).isNotDone();
      hung.close();
      SshjClient.Result r = pending.get(30, TimeUnit.SECONDS);
      if (r != null) {
        assertThat(r.exitStatus()).isNull();
        assertThat(r.stdout()).doesNotContain("never printed", "after");
      }
      assertThat(host.machine().runs()).extracting(run -> run.commandLine().get(0)).doesNotContain("fdesetup");
    }
  }

  @Test
  void hangUnderTrustchainsWatchdog_isKilledAtItsTime_whoeverWaits_andTheWatchdogSaysSo() throws Exception {
    NetworkFault hang = new NetworkFault("hang", NetworkFault.Kind.HANG, "fdesetup", null, 1);
    NetworkFault stuck = new NetworkFault("stuck", NetworkFault.Kind.HANG, "fdesetup", null, 1, true);
    FakeHostFactory factory = new FakeHostFactory(name -> {
      FakeMachine m = FakeMachine.standard(name).fault(hang).fault(stuck);
      m.program("fdesetup", (ctx, args) -> 0);
      return m;
    });
    String watched = "perl -e '# trustchain-watchdog v2' 0a1b 1 sh -c 'echo started; fdesetup enable; echo after'";
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        SshjClient c = client(lab, "mac-a")) {
      long start = System.nanoTime();
      SshjClient.Result killed = c.exec(watched, "");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the watchdog's time").isGreaterThan(Duration.ofMillis(900));
      assertThat(killed.exitStatus()).isEqualTo(124);
      assertThat(killed.stdout()).startsWith("started\n").doesNotContain("after").matches("(?s).*\n@@tc:0a1b:w:dead:\\d+\n");
      assertThat(killed.stderr()).matches("(?s).*@@tc:0a1b:w:dead:\\d+\n");

      SshjClient.Result survived = c.exec(watched, "");
      assertThat(survived.exitStatus()).isEqualTo(125);
      assertThat(survived.stdout()).matches("(?s).*\n@@tc:0a1b:w:alive:\\d+\n");
      String log = java.nio.file.Files.readString(dir.resolve("state/mac-a/exec.log"));
      assertThat(log).containsPattern("\nkilled: process group \\d+ \\(SIGKILL from trustchain's watchdog after 1 s\\);"
          + " fdesetup \\(pid \\d+\\) is gone\n")
          .containsPattern("\nsurvived: fdesetup \\(pid \\d+, process group \\d+\\) is stuck and survived SIGKILL");
      assertThat(c.exec("perl -e 'print 1' 0a1b 1 true", "").stderr()).as("no other Perl runs")
          .contains("lab: perl runs only trustchain's watchdog");
    }
  }

  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
