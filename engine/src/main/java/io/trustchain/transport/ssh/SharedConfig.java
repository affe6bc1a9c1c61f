package io.trustchain.transport.ssh;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;

/**
 * The one sshj {@link Config} of the process. Building a {@code DefaultConfig} probes every cipher
 * and seeds a random generator; doing that per connection costs time and drains entropy, so all
 * connections share this one (it is read-only once built). Keepalives are the OpenSSH kind
 * ({@code keepalive@openssh.com} with a reply), so a dead peer is noticed. Packet dumps are never
 * logged ({@link PacketSafeLoggers}).
 */
final class SharedConfig {

  private SharedConfig() {}

  private static final class Holder {
    static final Config CONFIG = build();
  }

  static Config get() {
    return Holder.CONFIG;
  }

  private static Config build() {
    DefaultConfig config = new DefaultConfig();
    config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    config.setLoggerFactory(new PacketSafeLoggers());
    return config;
  }
}
