package io.trustchain.transport.ssh;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A socket whose input stream reads ahead: one {@code read} system call takes what the peer has sent, up to
 * {@link #BUFFER} bytes, and the many small reads of an SSH client are served from it. The same stream is
 * returned each time, so nothing read ahead is lost between callers.
 */
final class BufferedSocket extends Socket {

  /** Bytes read ahead: an exec's answer of a few KiB comes in one or two reads. */
  static final int BUFFER = 16 * 1024;

  private final AtomicReference<InputStream> in = new AtomicReference<>();

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

  /**
   * The buffered stream, made at the first call (after the connect). Two first calls at once make two, and
   * only the first kept is ever returned: the other has read nothing.
   */
  @Override
  public InputStream getInputStream() throws IOException {
    InputStream made = in.get();
    if (made == null) {
      in.compareAndSet(null, new BufferedInputStream(super.getInputStream(), BUFFER));
      made = in.get();
    }
    return made;
  }
}
