package io.trustchain.lab.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.apache.sshd.server.SshServer;

/** MINA's SSH server listening on more than one port: one acceptor, one thread pool, many hosts. */
final class MultiPortServer extends SshServer {

  /** A server with MINA's default ciphers, key exchanges, MACs and channels. */
  static MultiPortServer create() {
    return (MultiPortServer) org.apache.sshd.server.ServerBuilder.builder().factory(MultiPortServer::new).build();
  }

  /** Binds one more address after {@link #start()}; returns the port it got. */
  int bind(InetSocketAddress address) throws IOException {
    Set<SocketAddress> before = new HashSet<>(acceptor.getBoundAddresses());
    acceptor.bind(address);
    if (address.getPort() != 0) {
      return address.getPort();
    }
    for (SocketAddress a : acceptor.getBoundAddresses()) {
      if (!before.contains(a)) {
        return ((InetSocketAddress) a).getPort();
      }
    }
    throw new IOException("bound " + address + " but cannot find its port");
  }
}
