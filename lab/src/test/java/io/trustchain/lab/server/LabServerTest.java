package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network tests: a hung connection fails the test instead of the build. */
@SuppressWarnings("try") // servers and claims held open for the block
@org.junit.jupiter.api.Timeout(120)
class LabServerTest {

  @TempDir
  Path dir;

  private final FakeHostFactory factory = new FakeHostFactory();

  @Test
  void execRunsTheCommandStringWithTheInterpreter() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        SshjClient c = client(lab, "mac-a", "admin")) {
      SshjClient.Result r = c.exec("sh -c 'IFS= read -r l; echo \"got $l\"; whoami; echo oops >&2; exit 3'", "line\n");
      assertThat(r.stdout()).isEqualTo("got line\nadmin\n");
      assertThat(r.stderr()).isEqualTo("oops\n");
      assertThat(r.exitStatus()).isEqualTo(3);
    }
  }

  @Test
  void eachExecIsOneTransaction() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        SshjClient c = client(lab, "mac-a", "admin")) {
      int before = factory.host("mac-a").transactions();
      c.exec("true", "");
      c.exec("echo a; echo b", "");
      assertThat(factory.host("mac-a").transactions() - before).isEqualTo(2);
    }
  }

  @Test
  void sudoOverSshReadsThePasswordFromStdin() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        SshjClient c = client(lab, "mac-a", "admin")) {
      SshjClient.Result ok = c.exec("sudo -S -p '' sh -c 'whoami; cat'", "adminpw\nafter\n");
      assertThat(ok.stdout()).isEqualTo("root\nafter\n");
      assertThat(ok.exitStatus()).isZero();
      SshjClient.Result wrong = c.exec("sudo -S -p '' whoami", "nope\n");
      assertThat(wrong.exitStatus()).isEqualTo(1);
      assertThat(wrong.stderr())
          .isEqualTo("Sorry, try again.\n\nsudo: no password was provided\nsudo: 1 incorrect password attempt\n");
    }
  }

  @Test
  void unsupportedScriptsFailLoudlyOverSsh() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        SshjClient c = client(lab, "mac-a", "admin")) {
      SshjClient.Result r = c.exec("sh -c 'whoami; case x in x) ;; esac'", "");
      assertThat(r.exitStatus()).isEqualTo(2);
      assertThat(r.stdout()).isEmpty();
      assertThat(r.stderr()).startsWith("sh: unsupported: case … esac");
    }
  }

  @Test
  void everyHostHasItsOwnPortAndHostKey() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0), Lab.host(dir, "mac-b", 0)), factory)) {
      assertThat(lab.endpoints()).extracting(LabEndpoint::name).containsExactly("mac-a", "mac-b");
      try (SshjClient a = client(lab, "mac-a", "admin"); SshjClient b = client(lab, "mac-b", "bob")) {
        assertThat(a.exec("whoami", "").stdout()).isEqualTo("admin\n");
        assertThat(b.exec("whoami", "").stdout()).isEqualTo("bob\n");
      }
      String knownHosts = Files.readString(dir.resolve("known_hosts"));
      assertThat(knownHosts.lines()).hasSize(2);
      String[] keys = knownHosts.lines().map(l -> l.split(" ")[2]).toArray(String[]::new);
      assertThat(keys[0]).isNotEqualTo(keys[1]);
      assertThat(knownHosts).startsWith("[127.0.0.1]:" + lab.endpoint("mac-a").orElseThrow().port() + " ssh-ed25519 ");
    }
  }

  @Test
  void clientKeyIsCreatedPrivateWithItsPub() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      Path key = dir.resolve("keys/id_lab");
      assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
      assertThat(Files.getPosixFilePermissions(key))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(dir.resolve("keys/id_lab.pub"))).startsWith("ssh-ed25519 AAAA").endsWith(" trustchain-lab\n");
    }
  }

  @Test
  void unknownAccountsAreRefused() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      assertThatThrownBy(() -> client(lab, "mac-a", "mallory")).isInstanceOf(UserAuthException.class);
    }
  }

  @Test
  void otherKeysAreRefusedUnlessAuthorized() throws IOException {
    Path other = dir.resolve("other/id");
    String otherPub = OpenSshKeys.ensure(other, "someone");
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      int port = lab.endpoint("mac-a").orElseThrow().port();
      assertThatThrownBy(() -> new SshjClient(dir.resolve("known_hosts"), other, "admin", port))
          .isInstanceOf(UserAuthException.class);
      LabKeys.authorize(dir.resolve("state"), otherPub, "someone");
      try (SshjClient c = new SshjClient(dir.resolve("known_hosts"), other, "admin", port)) {
        assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
      }
    }
  }

  @Test
  void passwordsOfTheMacAreAccepted() throws IOException {
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory);
        net.schmizz.sshj.SSHClient ssh = new net.schmizz.sshj.SSHClient()) {
      ssh.loadKnownHosts(dir.resolve("known_hosts").toFile());
      ssh.connect("127.0.0.1", lab.endpoint("mac-a").orElseThrow().port());
      assertThatThrownBy(() -> ssh.authPassword("bob", "wrong")).isInstanceOf(UserAuthException.class);
      ssh.authPassword("bob", "bobpw");
      assertThat(ssh.isAuthenticated()).isTrue();
    }
  }

  @Test
  void strictHostKeyCheckingRejectsAnotherKey() throws IOException {
    LabHost a = Lab.host(dir, "mac-a", Lab.freePort());
    try (LabServer lab = LabServer.start(List.of(a), factory)) {
      String impostor = OpenSshKeys.ensure(dir.resolve("impostor"), "impostor");
      Files.writeString(dir.resolve("known_hosts"), Files.readString(dir.resolve("known_hosts"))
          .replaceAll("ssh-ed25519 \\S+", impostor));
      assertThatThrownBy(() -> client(lab, "mac-a", "admin")).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void portInUseIsReportedWithWhatToDo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      LabHost h = Lab.host(dir, "mac-a", taken.getLocalPort());
      assertThatThrownBy(() -> LabServer.start(List.of(Lab.host(dir, "mac-z", 0), h), factory))
          .isInstanceOf(IOException.class)
          .hasMessage("port " + taken.getLocalPort() + " for lab host mac-a is in use by another program;"
              + " stop it or change ansible_port");
    }
  }

  @Test
  void duplicateNamesOrPortsAreRefused() {
    assertThatThrownBy(() -> LabServer.start(List.of(Lab.host(dir, "a", 0), Lab.host(dir, "a", 0)), factory))
        .hasMessage("lab host a is listed twice");
    assertThatThrownBy(() -> LabServer.start(List.of(Lab.host(dir, "a", 2222), Lab.host(dir, "b", 2222)), factory))
        .hasMessage("lab hosts a and b both use port 2222");
  }

  private SshjClient client(LabServer lab, String host, String user) throws IOException {
    return new SshjClient(dir.resolve("known_hosts"), dir.resolve("keys/id_lab"), user,
        lab.endpoint(host).orElseThrow().port());
  }
}
