package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network tests: a hung connection fails the test instead of the build. */
@SuppressWarnings("try") // servers and claims held open for the block
@org.junit.jupiter.api.Timeout(120)
class HostKeysTest {

  @TempDir
  Path dir;

  private final FakeHostFactory factory = new FakeHostFactory();

  @Test
  void hostKeyIsStableAcrossRestarts() throws IOException {
    LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
    String first;
    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      first = Files.readString(dir.resolve("known_hosts"));
    }
    try (LabServer lab = LabServer.start(List.of(h), factory);
        SshjClient c = new SshjClient(dir.resolve("known_hosts"), dir.resolve("keys/id_lab"), "admin", h.port())) {
      assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
    }
    assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(first);
    assertThat(first).startsWith("[127.0.0.1]:" + h.port() + " ssh-ed25519 AAAA").hasLineCount(1);
    assertThat(dir.resolve("state/mac-a/ssh_host_ed25519_key")).exists();
    assertThat(dir.resolve("state/mac-a/ssh_host_ed25519_key.pub")).exists();
  }

  @Test
  void theLabsOwnKnownHostsKeepsOtherLinesAndReplacesStaleOnes() throws IOException {
    LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
    String other = "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";
    String stalePort = "[127.0.0.1]:" + h.port() + " ssh-ed25519 AAAAstale\n";
    String otherPort = "[127.0.0.1]:" + (h.port() + 1) + " ssh-ed25519 AAAAother\n";
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/known_hosts"), other + stalePort + otherPort);

    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      String kh = Files.readString(dir.resolve("state/known_hosts"));
      assertThat(kh).startsWith(other).contains(otherPort).doesNotContain("AAAAstale");
      assertThat(kh.lines().filter(l -> l.startsWith("[127.0.0.1]:" + h.port() + " "))).hasSize(1);
    }
  }

  @Test
  void aKnownHostsFileTheLabDidNotCreateIsNeverEdited() throws IOException {
    LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
    String mine = "[127.0.0.1]:" + h.port() + " ssh-ed25519 AAAAwhatTheAdminRecorded\n";
    Files.writeString(dir.resolve("known_hosts"), mine);
    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(mine);
      assertThat(Files.readString(dir.resolve("state/known_hosts"))).startsWith("[127.0.0.1]:" + h.port() + " ssh-ed25519 ")
          .doesNotContain("AAAAwhatTheAdminRecorded");
    }
  }

  @Test
  void aKnownHostsFileTheLabCreatedFollowsItsKeys() throws IOException {
    LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo(Files.readString(dir.resolve("state/known_hosts")));
    }
    assertThat(Files.readString(dir.resolve("state/known_hosts.created")))
        .isEqualTo(dir.resolve("known_hosts").toAbsolutePath().normalize() + "\n");
    Files.delete(dir.resolve("state/mac-a/ssh_host_ed25519_key"));
    Files.delete(dir.resolve("state/mac-a/ssh_host_ed25519_key.pub"));
    String before = Files.readString(dir.resolve("known_hosts"));
    try (LabServer lab = LabServer.start(List.of(h), factory)) {
      assertThat(Files.readString(dir.resolve("known_hosts"))).isNotEqualTo(before)
          .isEqualTo(Files.readString(dir.resolve("state/known_hosts")));
    }
  }

  @Test
  void onlyLoopbackIsServed() throws IOException {
    for (String address : List.of("0.0.0.0", "192.0.2.7", "::")) {
      LabHost h = Lab.host(dir, "mac-a", Lab.freePort());
      LabHost wide = new LabHost(h.name(), address, h.port(), h.scenario(), h.stateDir(), h.knownHostsFile(),
          h.clientKeyFile(), h.sshUser());
      assertThatThrownBy(() -> LabServer.start(List.of(wide), factory))
          .hasMessageStartingWith("lab host mac-a: address \"" + address + "\" ")
          .hasMessageEndingWith("; the lab listens on loopback only (set ansible_host to 127.0.0.1, ::1 or localhost)");
      assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", h.port()).close())
          .isInstanceOf(java.net.ConnectException.class);
    }
    LabHost named = Lab.host(dir, "mac-b", Lab.freePort());
    LabHost localhost = new LabHost(named.name(), "localhost", named.port(), named.scenario(), named.stateDir(),
        named.knownHostsFile(), named.clientKeyFile(), named.sshUser());
    try (LabServer lab = LabServer.start(List.of(localhost), factory)) {
      assertThat(lab.endpoints()).hasSize(1);
    }
  }

  @Test
  void hashedStaleEntriesAreReplacedToo() {
    // |1|salt|hash of "[127.0.0.1]:2201" with salt 16 zero bytes, as ssh-keygen -H writes it
    String salt = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    String hash = hash(salt, "[127.0.0.1]:2201");
    String old = "|1|" + salt + "|" + hash + " ssh-ed25519 AAAAold\nkeep.example ssh-rsa AAAAkeep\n";
    String updated = KnownHosts.rewrite(old, Map.of("[127.0.0.1]:2201", "ssh-ed25519 AAAAnew"));
    assertThat(updated).isEqualTo("keep.example ssh-rsa AAAAkeep\n[127.0.0.1]:2201 ssh-ed25519 AAAAnew\n");
  }

  @Test
  void sharedLinesLoseOnlyTheLabsName() {
    String old = "alias,[127.0.0.1]:2201 ssh-ed25519 AAAAold comment\n";
    assertThat(KnownHosts.rewrite(old, Map.of("[127.0.0.1]:2201", "ssh-ed25519 AAAAnew")))
        .isEqualTo("alias ssh-ed25519 AAAAold comment\n[127.0.0.1]:2201 ssh-ed25519 AAAAnew\n");
  }

  @Test
  void upToDateLinesAreLeftAlone() {
    String old = "# mine\n[127.0.0.1]:2201 ssh-ed25519 AAAAsame lab\n";
    assertThat(KnownHosts.rewrite(old, Map.of("[127.0.0.1]:2201", "ssh-ed25519 AAAAsame"))).isEqualTo(old);
  }

  @Test
  void port22HasNoBrackets() {
    assertThat(KnownHosts.pattern("127.0.0.1", 22)).isEqualTo("127.0.0.1");
    assertThat(KnownHosts.pattern("127.0.0.1", 2201)).isEqualTo("[127.0.0.1]:2201");
  }

  @Test
  void existingClientKeyIsKept() throws IOException {
    Path key = dir.resolve("keys/id_lab");
    String pub = OpenSshKeys.ensure(key, "mine");
    String content = Files.readString(key);
    try (LabServer lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), factory)) {
      assertThat(Files.readString(key)).isEqualTo(content);
      assertThat(OpenSshKeys.publicKey(key)).isEqualTo(pub);
    }
  }

  private static String hash(String salt, String host) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(salt), "HmacSHA1"));
      return java.util.Base64.getEncoder().encodeToString(mac.doFinal(host.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
