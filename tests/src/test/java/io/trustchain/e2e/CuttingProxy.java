package io.trustchain.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the engine and a lab Mac that can cut the connection after a
 * given number of bytes: both directions and every connection of a run count towards the offset,
 * the cut resets both sockets (as a dropped link or a killed peer would), and connections made after
 * the cut pass untouched (the engine's reconnect). Without an armed offset it only counts.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicLong bytes = new AtomicLong();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long cutAt = Long.MAX_VALUE;

  CuttingProxy(int port, InetSocketAddress target) throws IOException {
    this.listener = new ServerSocket();
    this.listener.setReuseAddress(true);
    this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    this.target = target;
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Counts from zero again and cuts once {@code offset} bytes have passed (Long.MAX_VALUE: never). */
  void arm(long offset) {
    cutAt = Long.MAX_VALUE;
    bytes.set(0);
    cut.set(false);
    cutAt = offset;
  }

  /** Bytes that passed since the last {@link #arm}. */
  long bytes() {
    return bytes.get();
  }

  /** Whether the armed cut happened. */
  boolean didCut() {
    return cut.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException e) {
        // closed, or the Mac is not listening: the client sees the connection fail
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        long before = bytes.getAndAdd(n);
        if (before + n >= cutAt && cut.compareAndSet(false, true)) {
          int pass = (int) Math.max(0, cutAt - before);
          out.write(buffer, 0, pass);
          out.flush();
          reset(from);
          reset(to);
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: close the other
    } finally {
      close(from);
      close(to);
    }
  }

  private void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // closing anyway
    }
    close(s);
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    open.forEach(this::close);
  }
}
