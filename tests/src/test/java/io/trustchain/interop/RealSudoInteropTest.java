package io.trustchain.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import io.trustchain.transport.ssh.SshConnector;
import io.trustchain.transport.ssh.SshOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sudo sees only the become password, proved with Debian's real sudo 1.9 over Debian's real OpenSSH. With a
 * wrong become password, sudo refuses the validation exec that carries nothing but that password, the exec with
 * the secrets never starts (sshd logs one session), and the message says sudo refused the become password.
 * With the right one, the script runs as root and its secrets arrive intact.
 */
class RealSudoInteropTest {

  static final SecretRef RIGHT = new SecretRef.Env("TC_REAL_SUDO");
  static final SecretRef WRONG = new SecretRef.Env("TC_WRONG_SUDO");
  static final SecretRef SECRET = new SecretRef.Env("TC_SECRET");
  static final String SECRET_VALUE = "a secret sudo must never read";

  static final SecretResolver RESOLVER = ref -> {
    String v = Map.of(RIGHT, RealSudo.PASSWORD, WRONG, "not the password", SECRET, SECRET_VALUE).get(ref);
    if (v == null) {
      throw new SecretException(ref.describe() + " is not set");
    }
    return Secret.of(v);
  };

  static OpenSshServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    RealSudo.ensure();
    server = OpenSshServer.withRealSudo();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ConnectionSpec spec(SecretRef becomePassword) throws Exception {
    Path kh = Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine());
    return new ConnectionSpec("mac-interop", "127.0.0.1", server.port, InteropAccount.NAME,
        Optional.of(server.clientKey), kh, true, Optional.of(becomePassword), Duration.ofSeconds(10));
  }

  private static RemoteScript script(Path marker) {
    ScriptBuilder b = new ScriptBuilder();
    b.step("uid", Command.of("id", "-u"));
    b.step("digest", Command.of("sha256sum").withStdin(java.util.List.of(io.trustchain.transport.Arg.secret(SECRET))));
    b.step("marker", Command.of("touch", marker.toString()));
    return b.build(Duration.ofSeconds(20));
  }

  private static long sessions() {
    return server.log().lines().filter(l -> l.contains("Starting session: command")).count();
  }

  @Test
  void aWrongBecomePassword_isRefusedByRealSudo_beforeAnyExecCarriesASecret() throws Exception {
    Path marker = server.dir.resolve("ran-" + System.nanoTime());
    long before = sessions();
    try (SshConnector connector = new SshConnector(RESOLVER, SshOptions.defaults())) {
      Transport t = connector.connect(spec(WRONG));
      assertThatThrownBy(() -> t.exec(script(marker)))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SUDO_REFUSED))
          .hasMessageContaining("sudo refused the become password (sudo: 1 incorrect password attempt)")
          .hasMessageNotContaining("not the password").hasMessageNotContaining(SECRET_VALUE);
    }
    // "1 incorrect password attempt": sudo read exactly one line. Fed the script's stdin instead (password,
    // sentinel, secret), it would have read three, the secret among them.
    awaitLogged(before + 1);
    assertThat(sessions() - before).as("only the validation exec started:\n" + server.log()).isEqualTo(1);
    assertThat(marker).doesNotExist();
  }

  @Test
  void theRightBecomePassword_runsTheScriptAsRoot_withItsSecretsIntact() throws Exception {
    Path marker = server.dir.resolve("ran-" + System.nanoTime());
    try (SshConnector connector = new SshConnector(RESOLVER, SshOptions.defaults())) {
      Transport t = connector.connect(spec(RIGHT));
      RemoteScript script = script(marker);
      ExecResult result = t.exec(script);
      Map<String, SectionResult> sections = Sections.parse(result, script.nonce());
      assertThat(sections.get("uid").stdout().strip()).as(result.stderr()).isEqualTo("0");
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(SECRET_VALUE.getBytes(StandardCharsets.UTF_8)));
      assertThat(sections.get("digest").stdout()).startsWith(digest);
      assertThat(marker).exists();
    }
  }

  /** sshd writes its log asynchronously: wait a moment for the session lines. */
  private static void awaitLogged(long sessions) throws InterruptedException {
    long until = System.nanoTime() + 2_000_000_000L;
    while (sessions() < sessions && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
  }
}
