package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.spi.LabHost;
import io.trustchain.spi.LabProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // servers and claims held open for the block
@Timeout(120)
class InProcessLabProviderTest {

  @TempDir
  Path dir;

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(LabProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(InProcessLabProvider.class);
  }

  @Test
  void servesHostsAndStopsThemOnClose() throws Exception {
    LabHost a = Lab.host(dir, "mac-a", Lab.freePort());
    LabProvider provider = new InProcessLabProvider(new FakeHostFactory());
    try (AutoCloseable lab = provider.serve(List.of(a));
        SshjClient c = new SshjClient(dir.resolve("known_hosts"), dir.resolve("keys/id_lab"), "admin", a.port())) {
      assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", a.port()).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void leavesHostsServedByLabServeToIt() throws Exception {
    LabHost a = Lab.host(dir, "mac-a", Lab.freePort());
    LabHost b = Lab.host(dir, "mac-b", Lab.freePort());
    FakeHostFactory serveFactory = new FakeHostFactory();
    try (LabServeLock claim = LabServeLock.acquire(a.stateDir());
        LabServer labServe = LabServer.start(List.of(a), serveFactory)) {
      claim.publish(labServe.endpoints());
      assertThat(LabServeLock.running(a.stateDir())).hasValueSatisfying(f -> {
        assertThat(f.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(f.host("mac-a")).hasValueSatisfying(e -> assertThat(e.port()).isEqualTo(a.port()));
      });

      // the run uses another client key and known_hosts file than lab serve did
      LabHost runA = withClient(a);
      LabHost runB = withClient(b);
      FakeHostFactory runFactory = new FakeHostFactory();
      try (AutoCloseable run = new InProcessLabProvider(runFactory).serve(List.of(runA, runB))) {
        assertThat(runFactory.host("mac-a")).as("not opened by the run").isNull();
        try (SshjClient ca = new SshjClient(dir.resolve("run/known_hosts"), dir.resolve("run/id"), "admin", a.port());
            SshjClient cb = new SshjClient(dir.resolve("run/known_hosts"), dir.resolve("run/id"), "admin", b.port())) {
          assertThat(ca.exec("whoami", "").stdout()).isEqualTo("admin\n");
          assertThat(cb.exec("whoami", "").stdout()).isEqualTo("admin\n");
        }
        assertThat(serveFactory.host("mac-a").transactions()).as("lab serve ran it").isPositive();
        assertThat(Files.readString(dir.resolve("state/authorized_keys"))).contains(OpenSshKeys.publicKey(dir.resolve("run/id")));
      }
      try (Socket s = new Socket("127.0.0.1", a.port())) {
        assertThat(s.isConnected()).as("lab serve keeps serving").isTrue();
      }
    }
    assertThat(LabServeLock.running(a.stateDir())).isEmpty();
    assertThat(dir.resolve("state/serve.json")).doesNotExist();
  }

  @Test
  void aPortTakenByAnotherProgramIsNamed() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LabHost h = Lab.host(dir, "mac-a", taken.getLocalPort());
      assertThatThrownBy(() -> new InProcessLabProvider(new FakeHostFactory()).serve(List.of(h)))
          .hasMessage("port " + taken.getLocalPort() + " for lab host mac-a is in use by another program;"
              + " stop it or change ansible_port");
    }
  }

  @Test
  void aPortLabServeUsesForAnotherHostIsNamed() throws IOException {
    LabHost a = Lab.host(dir, "mac-a", Lab.freePort());
    try (LabServeLock claim = LabServeLock.acquire(a.stateDir());
        LabServer labServe = LabServer.start(List.of(a), new FakeHostFactory())) {
      claim.publish(labServe.endpoints());
      LabHost clash = Lab.host(dir, "mac-z", a.port());
      assertThatThrownBy(() -> new InProcessLabProvider(new FakeHostFactory()).serve(List.of(clash)))
          .hasMessage("port " + a.port() + " for lab host mac-z is served by lab serve as host mac-a;"
              + " stop it or change ansible_port");
    }
  }

  @Test
  void oneLabServePerStateDirectory() throws IOException {
    try (LabServeLock first = LabServeLock.acquire(dir.resolve("state"))) {
      assertThatThrownBy(() -> LabServeLock.acquire(dir.resolve("state")))
          .hasMessageStartingWith("lab serve is already running for the state directory ")
          .hasMessageEndingWith("; stop it first, or use another state directory");
    }
    LabServeLock.acquire(dir.resolve("state")).close();
  }

  @Test
  void aStaleServeJsonWithoutLockMeansNothingRuns() throws IOException {
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/serve.json"), "{\"pid\": 1, \"hosts\": [{\"name\": \"mac-a\", \"port\": 1}]}");
    Files.writeString(dir.resolve("state/serve.lock"), "");
    assertThat(LabServeLock.running(dir.resolve("state"))).isEmpty();
  }

  private LabHost withClient(LabHost h) {
    return new LabHost(h.name(), h.bindAddress(), h.port(), h.scenario(), h.stateDir(), dir.resolve("run/known_hosts"),
        dir.resolve("run/id"), h.sshUser());
  }
}
