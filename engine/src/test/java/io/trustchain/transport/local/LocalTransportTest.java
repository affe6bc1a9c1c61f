package io.trustchain.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.inventory.LocalConnection;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull mode's transport on this machine's real /bin/sh: the SSH wire format, secrets on stdin only, PATH, timeouts. */
class LocalTransportTest {

  private static final SecretRef PW = new SecretRef.Env("PW");

  @TempDir Path dir;

  private static ConnectionSpec local(String path) {
    return new ConnectionSpec("mac-self", "localhost", 0, "root", Optional.empty(), Path.of("/nonexistent"), false,
        Optional.empty(), Duration.ofSeconds(5), List.of(), Optional.empty(), Optional.of(new LocalConnection(path)));
  }

  private static LocalConnector connector() {
    return new LocalConnector(ref -> Secret.of("pa'ss $word\"x"), Duration.ofSeconds(30));
  }

  @Test
  void runsTheFramedScript_withSecretsFromStdin_andTheConnectionsPath() throws Exception {
    Files.writeString(dir.resolve("sw_vers"), "#!/bin/sh\nprintf 'ProductName:\\tmacOS\\n'\necho warn >&2\nexit 3\n");
    dir.resolve("sw_vers").toFile().setExecutable(true);
    ScriptBuilder b = new ScriptBuilder();
    b.step("tool", Command.of("sw_vers"));
    b.step("secret", Command.of("printf", "%s").withSecret(PW));
    b.section("path", "printf '%s' \"$PATH\"");
    b.section("argv", "cat /proc/$$/cmdline");
    RemoteScript script = b.build(Duration.ofSeconds(10));
    try (LocalConnector c = connector(); Transport t = c.connect(local(dir + ":/usr/bin:/bin"))) {
      ExecResult r = t.exec(script);
      Map<String, SectionResult> s = Sections.parse(r, script.nonce());
      assertThat(s.get("tool").exitCode()).isEqualTo(3);
      assertThat(s.get("tool").stdout()).isEqualTo("ProductName:\tmacOS\n");
      assertThat(s.get("tool").stderr()).isEqualTo("warn\n");
      assertThat(s.get("secret").stdout()).isEqualTo("pa'ss $word\"x");
      assertThat(s.get("path").stdout()).isEqualTo(dir + ":/usr/bin:/bin");
      assertThat(s.get("argv").stdout()).as("the secret is never in the command line").startsWith("/bin/sh\u0000-c\u0000")
          .doesNotContain("pa'ss");
    }
  }

  @Test
  void aScriptThatOutlivesItsTimeoutIsKilledWithWhatItStarted() throws Exception {
    Path marker = dir.resolve("survived");
    ScriptBuilder b = new ScriptBuilder();
    b.section("sleep", "sleep 3; touch " + marker);
    try (LocalConnector c = connector(); Transport t = c.connect(local("/usr/bin:/bin"))) {
      assertThatThrownBy(() -> t.exec(b.build(Duration.ofMillis(300))))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(e.knownDead()).as("the shell and its sleep were seen to end").isTrue();
          })
          .hasMessageEndingWith("did not finish within 300 ms; it was killed with what it started, and they are gone");
    }
    Thread.sleep(3500);
    assertThat(marker).as("the sleep was killed too").doesNotExist();
  }

  @Test
  void aMissingShellIsUnreachable_andAClosedTransportRefusesExecs() throws Exception {
    try (LocalConnector c = new LocalConnector(ref -> Secret.of("x"), Duration.ofSeconds(5), dir.resolve("nosh"))) {
      assertThatThrownBy(() -> c.connect(local("/bin"))).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.UNREACHABLE));
    }
    LocalConnector c = connector();
    Transport t = c.connect(local("/bin"));
    c.close();
    assertThatThrownBy(() -> t.exec(new ScriptBuilder().build(Duration.ofSeconds(1))))
        .isInstanceOf(TransportException.class);
  }
}
