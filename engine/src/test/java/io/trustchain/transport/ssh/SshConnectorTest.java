package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.Secret;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection failures that need no SSH server (the OpenSSH interop test covers the rest). */
class SshConnectorTest {

  @TempDir
  Path tmp;

  private ConnectionSpec spec(int port) {
    return new ConnectionSpec("mac-1", "127.0.0.1", port, "admin", Optional.empty(), tmp.resolve("known_hosts"),
        false, Optional.empty(), Duration.ofSeconds(5));
  }

  private SshConnector connector() {
    return new SshConnector(ref -> Secret.of("unused"), SshOptions.defaults(), tmp);
  }

  @Test
  void connect_refused_isUnreachable_withTheAddress() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (SshConnector connector = connector()) {
      int p = port;
      assertThatThrownBy(() -> connector.connect(spec(p)))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessage("mac-1 (127.0.0.1:" + p + "): cannot connect to 127.0.0.1:" + p
              + ": connection refused (is sshd running and listening on port " + p + "?)");
    }
  }

  @Test
  void connect_toSomethingThatIsNotSsh_isUnreachable() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        SshConnector connector = connector()) {
      Thread.ofVirtual().start(() -> {
        try (Socket s = server.accept()) {
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
        } catch (IOException e) {
          // the client went away
        }
      });
      assertThatThrownBy(() -> connector.connect(spec(server.getLocalPort())))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageContaining("mac-1 (127.0.0.1:" + server.getLocalPort() + "): cannot connect")
          .hasMessageContaining("SSH handshake failed");
    }
  }

  @Test
  void options_defaults_areStrict() {
    SshOptions o = SshOptions.defaults();
    assertThat(o.acceptNewHostKeys()).isFalse();
    assertThat(o.commandTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.withAcceptNewHostKeys(true).acceptNewHostKeys()).isTrue();
    assertThatThrownBy(() -> o.withCommandTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyFiles_defaultToOpenSshNames_andExpandTilde() {
    assertThat(KeyFiles.defaults(Path.of("/home/a"))).containsExactly(Path.of("/home/a/.ssh/id_ed25519"),
        Path.of("/home/a/.ssh/id_ecdsa"), Path.of("/home/a/.ssh/id_rsa"));
    assertThat(KeyFiles.candidates(Optional.of(Path.of("~/keys/lab")), Path.of("/home/a")))
        .containsExactly(Path.of("/home/a/keys/lab"));
    assertThat(KeyFiles.candidates(Optional.empty(), tmp)).isEmpty();
  }
}
