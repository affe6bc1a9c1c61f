package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import net.schmizz.keepalive.KeepAliveProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class SharedConfigTest {

  @Test
  void oneConfig_forEveryConnection() {
    assertThat(SharedConfig.get()).isSameAs(SharedConfig.get());
    assertThat(SharedConfig.get().getKeepAliveProvider()).isSameAs(KeepAliveProvider.KEEP_ALIVE);
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
