package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class SharedConfigTest {

  @Test
  void oneConfig_forEveryConnection() {
    assertThat(SharedConfig.get()).isSameAs(SharedConfig.get());
    assertThat(SharedConfig.get().getKeepAliveProvider()).isSameAs(SharedKeepAlive.PROVIDER);
  }

  @Test
  void keepalives_areTimedByTheSharedScheduler_neverByAThreadPerConnection() {
    net.schmizz.sshj.SSHClient client = new net.schmizz.sshj.SSHClient(SharedConfig.get());
    client.getConnection().getKeepAlive().setKeepAliveInterval(15);
    SharedKeepAlive keepAlive = (SharedKeepAlive) client.getConnection().getKeepAlive();

    assertThat(keepAlive.isEnabled()).as("sshj would start its thread at connect").isFalse();
    assertThat(keepAlive.scheduled()).isFalse();
    SharedKeepAlive.start(client.getConnection());
    assertThat(keepAlive.scheduled()).isTrue();
    assertThat(keepAlive.getState()).as("the per-connection thread").isEqualTo(Thread.State.NEW);
    SharedKeepAlive.stop(client.getConnection());
    assertThat(keepAlive.scheduled()).isFalse();

    net.schmizz.sshj.SSHClient without = new net.schmizz.sshj.SSHClient(SharedConfig.get());
    without.getConnection().getKeepAlive().setKeepAliveInterval(0);
    SharedKeepAlive.start(without.getConnection());
    assertThat(((SharedKeepAlive) without.getConnection().getKeepAlive()).scheduled()).isFalse();
  }

  @Test
  void packetDumps_areNeverLogged() throws Exception {
    var loggers = SharedConfig.get().getLoggerFactory();
    // by class, so a rename in a future sshj fails here instead of silently logging packets again
    assertThat(loggers.getLogger(Class.forName("net.schmizz.sshj.transport.Encoder"))).isSameAs(NOPLogger.NOP_LOGGER);
    assertThat(loggers.getLogger(Class.forName("net.schmizz.sshj.transport.Decoder"))).isSameAs(NOPLogger.NOP_LOGGER);
    assertThat(loggers.getLogger("net.schmizz.sshj.transport.TransportImpl"))
        .isSameAs(org.slf4j.LoggerFactory.getLogger("net.schmizz.sshj.transport.TransportImpl"));
  }
}
