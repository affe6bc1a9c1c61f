package io.trustchain.transport.ssh;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket whose input stream reads ahead: one {@code read} system call takes what the peer has sent, up to
 * {@link #BUFFER} bytes, and the many small reads of an SSH client are served from it. The same stream is
 * returned each time, so nothing read ahead is lost between callers.
 */
final class BufferedSocket extends Socket {

  /** Bytes read ahead: an exec's answer of a few KiB comes in one or two reads. */
  static final int BUFFER = 16 * 1024;

  private InputStream in;

  BufferedSocket() {
    super();
  }

  BufferedSocket(String host, int port) throws IOException {
    super(host, port);
  }

  BufferedSocket(String host, int port, InetAddress local, int localPort) throws IOException {
    super(host, port, local, localPort);
  }

  BufferedSocket(InetAddress host, int port) throws IOException {
    super(host, port);
  }

  BufferedSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
    super(host, port, local, localPort);
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (in == null) {
      in = new BufferedInputStream(super.getInputStream(), BUFFER);
    }
    return in;
  }
}
