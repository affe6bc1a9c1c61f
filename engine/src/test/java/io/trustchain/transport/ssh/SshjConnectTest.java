package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.inventory.ConnectionSpec;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.Test;

/** What every sshj client gets before it connects. */
class SshjConnectTest {

  @Test
  void configure_setsNoDelaySockets_theHostsConnectTimeout_andKeepalives() {
    SSHClient client = new SSHClient(SharedConfig.get());
    ConnectionSpec spec = new ConnectionSpec("mac-1", "127.0.0.1", 22, "admin", Optional.empty(),
        Path.of("/dev/null"), false, Optional.empty(), Duration.ofSeconds(7));

    SshjConnect.configure(client, spec, SshOptions.defaults().withKeepAliveInterval(Duration.ofSeconds(9)));

    assertThat(client.getSocketFactory()).isSameAs(NoDelaySocketFactory.INSTANCE);
    assertThat(client.getConnectTimeout()).isEqualTo(7_000);
    assertThat(client.getConnection().getTimeoutMs()).isEqualTo(7_000);
    assertThat(client.getConnection().getKeepAlive().getKeepAliveInterval()).isEqualTo(9);
  }

  @Test
  void sockets_haveTcpNoDelay() throws Exception {
    try (Socket s = NoDelaySocketFactory.INSTANCE.createSocket()) {
      assertThat(s.getTcpNoDelay()).isTrue();
    }
  }
}
