package io.trustchain.transport.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. Without it, Nagle's algorithm and delayed ACKs cost ≈40 ms per
 * exec round trip (measured with sshj 0.40 on loopback: ≈15 ms per exec with it, ≈53 ms without).
 */
final class NoDelaySocketFactory extends SocketFactory {

  static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  private NoDelaySocketFactory() {}

  @Override
  public Socket createSocket() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
    Socket s = new Socket(host, port, local, localPort);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = new Socket(host, port);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
    Socket s = new Socket(host, port, local, localPort);
    s.setTcpNoDelay(true);
    return s;
  }
}
