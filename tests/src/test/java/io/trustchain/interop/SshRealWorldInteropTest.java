package io.trustchain.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.inventory.ConnectionDefaults;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.inventory.ConnectionSpecResult;
import io.trustchain.inventory.ConnectionSpecs;
import io.trustchain.inventory.JumpHost;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import io.trustchain.transport.ssh.SshAuth;
import io.trustchain.transport.ssh.SshConnector;
import io.trustchain.transport.ssh.SshOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-ups Mac admins have, against Debian's real OpenSSH: a key held by a real ssh-agent, a
 * passphrase-protected key, default keys under {@code $HOME}, a jump host (ProxyJump) in front of
 * the target, and {@code ~/.ssh/config} aliases naming all of it.
 */
class SshRealWorldInteropTest {

  static final SecretRef PASSPHRASE = new SecretRef.Env("TC_KEY_PASSPHRASE");
  static final String PASSPHRASE_VALUE = "correct horse 'battery\" staple";

  static OpenSshServer target;
  static OpenSshServer jump;
  static Path encryptedKey;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() throws Exception {
    target = OpenSshServer.start();
    jump = OpenSshServer.start();
    encryptedKey = target.dir.resolve("id_encrypted");
    InteropAccount.must(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE_VALUE, "-C", "tc-encrypted",
        "-f", encryptedKey.toString()));
    Files.writeString(target.dir.resolve("authorized_keys"), Files.readString(target.dir.resolve("id_encrypted.pub")),
        java.nio.file.StandardOpenOption.APPEND);
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
    if (jump != null) {
      jump.close();
    }
  }

  private static final SecretResolver SECRETS = ref -> {
    if (ref.equals(PASSPHRASE)) {
      return Secret.of(PASSPHRASE_VALUE);
    }
    throw new SecretException(ref.describe() + " is not set");
  };

  private Path knownHosts() throws Exception {
    Path f = tmp.resolve("known_hosts");
    Files.writeString(f, target.knownHostsLine() + jump.knownHostsLine());
    return f;
  }

  private ConnectionSpec spec(Optional<Path> key, List<JumpHost> jumps, Optional<SecretRef> passphrase)
      throws Exception {
    return new ConnectionSpec("mac-interop", "127.0.0.1", target.port, InteropAccount.NAME, key, knownHosts(), false,
        Optional.empty(), Duration.ofSeconds(10), jumps, passphrase);
  }

  private static String echo(SshConnector connector, ConnectionSpec spec) throws TransportException {
    Transport t = connector.connect(spec);
    return t.exec(new RemoteScript("echo reached $(id -un)", List.of(), Duration.ofSeconds(20), "x")).stdout();
  }

  private SshAuth nobody(Path home) {
    return new SshAuth(home, Optional.empty(), SshAuth.PassphrasePrompt.NOBODY);
  }

  @Test
  void agentKey_logsIn_withNoKeyFileAnywhere() throws Exception {
    Path home = Files.createDirectory(tmp.resolve("home"));
    try (RealAgent agent = RealAgent.start(tmp.resolve("agent.sock"), target.clientKey);
         SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(),
             new SshAuth(home, Optional.of(agent.socket), SshAuth.PassphrasePrompt.NOBODY))) {
      assertThat(echo(connector, spec(Optional.empty(), List.of(), Optional.empty())))
          .isEqualTo("reached " + InteropAccount.NAME + "\n");
    }
    try (SshConnector without = new SshConnector(SECRETS, SshOptions.defaults(), nobody(home))) {
      assertThatThrownBy(() -> echo(without, spec(Optional.empty(), List.of(), Optional.empty())))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH))
          .hasMessageContaining("no private key to log in as " + InteropAccount.NAME);
    }
  }

  @Test
  void agentHoldingTheEncryptedKey_isUsed_withoutAskingForItsPassphrase() throws Exception {
    try (RealAgent agent = RealAgent.start(tmp.resolve("agent.sock"), null);
         SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), new SshAuth(tmp, Optional.of(agent.socket),
             key -> {
               throw new AssertionError("asked for the passphrase of " + key + " although ssh-agent holds it");
             }))) {
      agent.add(encryptedKey, PASSPHRASE_VALUE);
      assertThat(echo(connector, spec(Optional.of(encryptedKey), List.of(), Optional.empty()))).startsWith("reached");
    }
  }

  @Test
  void encryptedKey_opensWithTheTypedSecret_orAPrompt_andSaysWhatToDoWithNeither() throws Exception {
    try (SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), nobody(tmp))) {
      assertThat(echo(connector, spec(Optional.of(encryptedKey), List.of(), Optional.of(PASSPHRASE)))).startsWith("reached");
      assertThatThrownBy(() -> echo(connector, spec(Optional.of(encryptedKey), List.of(), Optional.empty())))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH))
          .hasMessageContaining(encryptedKey + " is encrypted and nobody can type its passphrase here: add it to "
              + "ssh-agent (ssh-add " + encryptedKey + "), or set trustchain_private_key_passphrase")
          .hasMessageNotContaining(PASSPHRASE_VALUE);
    }
    try (SshConnector prompted = new SshConnector(SECRETS, SshOptions.defaults(),
        new SshAuth(tmp, Optional.empty(), key -> Optional.of(PASSPHRASE_VALUE.toCharArray())))) {
      assertThat(echo(prompted, spec(Optional.of(encryptedKey), List.of(), Optional.empty()))).startsWith("reached");
    }
    try (SshConnector wrong = new SshConnector(SECRETS, SshOptions.defaults(),
        new SshAuth(tmp, Optional.empty(), key -> Optional.of("not it".toCharArray())))) {
      assertThatThrownBy(() -> echo(wrong, spec(Optional.of(encryptedKey), List.of(), Optional.empty())))
          .hasMessageContaining("the passphrase typed did not open " + encryptedKey);
    }
  }

  @Test
  void defaultKeys_areTakenFromHome() throws Exception {
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve(".ssh"));
    Files.copy(target.clientKey, home.resolve(".ssh/id_ed25519"));
    SshAuth auth = SshAuth.of(Map.of("HOME", home.toString()), SshAuth.PassphrasePrompt.NOBODY);
    try (SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), auth)) {
      assertThat(echo(connector, spec(Optional.empty(), List.of(), Optional.empty()))).startsWith("reached");
    }
  }

  @Test
  void jumpHost_carriesTheConnection_andAnUnreachableJumpIsNamed() throws Exception {
    JumpHost via = new JumpHost("127.0.0.1", jump.port, InteropAccount.NAME, Optional.of(jump.clientKey));
    try (SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), nobody(tmp))) {
      assertThat(echo(connector, spec(Optional.of(target.clientKey), List.of(via), Optional.empty())))
          .startsWith("reached");
    }
    awaitLog(jump, "Accepted publickey for " + InteropAccount.NAME);
    JumpHost dead = new JumpHost("127.0.0.1", io.trustchain.testing.Ports.free(), InteropAccount.NAME, Optional.empty());
    try (SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), nobody(tmp))) {
      assertThatThrownBy(() -> echo(connector, spec(Optional.of(target.clientKey), List.of(dead), Optional.empty())))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageStartingWith("jump host 127.0.0.1 for mac-interop (127.0.0.1:" + dead.port() + "): cannot connect");
    }
  }

  @Test
  void sshConfigAliases_nameHostPortUserKeyAndJump() throws Exception {
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/config"), String.join("\n",
        "Host mac-*",
        "  HostName 127.0.0.1",
        "  Port " + target.port,
        "  User " + InteropAccount.NAME,
        "  IdentityFile " + target.clientKey,
        "  ProxyJump bastion",
        "Host bastion",
        "  HostName 127.0.0.1",
        "  Port " + jump.port,
        "  User " + InteropAccount.NAME,
        "  IdentityFile " + jump.clientKey,
        ""));
    ConnectionDefaults defaults = ConnectionDefaults.of(Map.of("HOME", home.toString(), "USER", "nobody-here"), tmp);
    ConnectionSpecResult result = ConnectionSpecs.from("mac-office-7",
        Map.of("trustchain_known_hosts_file", knownHosts().toString()), defaults);
    assertThat(result.problems()).isEmpty();
    ConnectionSpec spec = result.spec().orElseThrow();
    assertThat(spec.toString()).isEqualTo(InteropAccount.NAME + "@127.0.0.1:" + target.port);
    assertThat(spec.jumps()).containsExactly(
        new JumpHost("127.0.0.1", jump.port, InteropAccount.NAME, Optional.of(jump.clientKey)));
    try (SshConnector connector = new SshConnector(SECRETS, SshOptions.defaults(), nobody(home))) {
      assertThat(echo(connector, spec)).isEqualTo("reached " + InteropAccount.NAME + "\n");
    }
  }

  private static void awaitLog(OpenSshServer server, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!server.log().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.log()).contains(text);
  }

  /** Debian's ssh-agent in the foreground on a socket of ours; ssh-add loads keys into it. */
  static final class RealAgent implements AutoCloseable {
    final Path socket;
    private final Process process;

    private RealAgent(Path socket, Process process) {
      this.socket = socket;
      this.process = process;
    }

    static RealAgent start(Path socket, Path key) throws Exception {
      Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      RealAgent agent = new RealAgent(socket, p);
      if (key != null) {
        agent.add(key, null);
      }
      return agent;
    }

    void add(Path key, String passphrase) throws Exception {
      ProcessBuilder b = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
      b.environment().put("SSH_AUTH_SOCK", socket.toString());
      if (passphrase != null) {
        // ssh-add reads the passphrase from SSH_ASKPASS when forced to (no terminal here)
        Path askpass = socket.resolveSibling("askpass.sh");
        Path value = socket.resolveSibling("passphrase");
        Files.writeString(value, passphrase);
        Files.writeString(askpass, "#!/bin/sh\ncat '" + value + "'\n");
        askpass.toFile().setExecutable(true);
        b.environment().put("SSH_ASKPASS", askpass.toString());
        b.environment().put("SSH_ASKPASS_REQUIRE", "force");
        b.environment().put("DISPLAY", ":0");
      }
      Process p = b.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("ssh-add: " + out).isZero();
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
