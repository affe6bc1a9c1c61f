package io.trustchain.lab.server;

import io.trustchain.spi.LabHost;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A lab host as served: its inventory description and the port it listens on (the declared one,
 * or the one picked when it declared 0).
 */
public record LabEndpoint(LabHost host, int port) {

  public LabEndpoint {
    Objects.requireNonNull(host, "host == null");
  }

  public String name() {
    return host.name();
  }

  /** The address to connect to: the bind address, or loopback when it binds every interface. */
  public String address() {
    return connectAddress(host.bindAddress());
  }

  /** {@code address:port}. */
  public String hostPort() {
    return address() + ":" + port;
  }

  /** A command line that logs into this host with OpenSSH, trusting the lab's own known_hosts file. */
  public String sshCommand() {
    StringBuilder s = new StringBuilder("ssh -i ").append(quote(host.clientKeyFile()));
    s.append(" -o UserKnownHostsFile=").append(quote(LabKeys.ownKnownHosts(host.stateDir())));
    return s.append(" -p ").append(port).append(' ').append(host.sshUser()).append('@').append(address()).toString();
  }

  static String connectAddress(String bindAddress) {
    return switch (bindAddress) {
      case "0.0.0.0", "::", "", "localhost" -> "127.0.0.1";
      default -> bindAddress;
    };
  }

  private static String quote(Path p) {
    return io.trustchain.transport.ShellQuote.quote(p.toString());
  }

  @Override
  public String toString() {
    return host.name() + " " + hostPort();
  }
}
