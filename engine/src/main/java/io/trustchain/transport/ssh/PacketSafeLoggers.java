package io.trustchain.transport.ssh;

import java.util.Set;
import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * sshj's loggers, except that its packet encoder and decoder never log: at TRACE they hex-dump
 * every plaintext packet, and stdin packets carry the secrets. Whatever level the CLI configures,
 * those two stay silent.
 */
final class PacketSafeLoggers implements LoggerFactory {

  static final Set<String> MUTED = Set.of("net.schmizz.sshj.transport.Encoder", "net.schmizz.sshj.transport.Decoder");

  @Override
  public Logger getLogger(String name) {
    return MUTED.contains(name) ? NOPLogger.NOP_LOGGER : LoggerFactory.DEFAULT.getLogger(name);
  }

  @Override
  public Logger getLogger(Class<?> clazz) {
    return getLogger(clazz.getName());
  }
}
