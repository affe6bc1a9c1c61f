package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The sockets sshj gets: TCP_NODELAY, and an input stream that reads ahead, the same one at every call, so
 * that what sshj reads a byte at a time (the identification line), in small pieces (each packet's first
 * block) or in large ones arrives whole and in order.
 */
class NoDelaySocketFactoryTest {

  private static final byte[] IDENT = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void everyWayOfMakingASocketSetsNoDelayAndBuffersItsInput() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
      int port = server.getLocalPort();
      CompletableFuture<Void> accepting = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 3; i++) {
          try (Socket s = server.accept()) {
            s.getOutputStream().write(IDENT);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
      Socket unconnected = NoDelaySocketFactory.INSTANCE.createSocket();
      unconnected.connect(new java.net.InetSocketAddress(loopback, port));
      for (Socket s : new Socket[] {unconnected, NoDelaySocketFactory.INSTANCE.createSocket(loopback, port),
          NoDelaySocketFactory.INSTANCE.createSocket(loopback.getHostAddress(), port)}) {
        try (s) {
          assertThat(s.getTcpNoDelay()).isTrue();
          InputStream in = s.getInputStream();
          assertThat(in).isInstanceOf(BufferedInputStream.class).isSameAs(s.getInputStream());
          assertThat(in.readAllBytes()).isEqualTo(IDENT);
        }
      }
      accepting.get();
    }
  }

  @Test
  void whatIsReadAheadReachesTheReaderWholeAndInOrder() throws Exception {
    byte[] body = new byte[3 * BufferedSocket.BUFFER + 123];
    new Random(5).nextBytes(body);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
      CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
        try (Socket s = server.accept()) {
          OutputStream out = s.getOutputStream();
          out.write(IDENT);
          out.write(body, 0, 16); // a packet's first block, then the rest in pieces of all sizes
          out.flush();
          out.write(body, 16, 1000);
          out.write(body, 1016, body.length - 1016);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket s = NoDelaySocketFactory.INSTANCE.createSocket(loopback, server.getLocalPort())) {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
          line.write(b);
        }
        line.write(b);
        assertThat(line.toByteArray()).isEqualTo(IDENT);
        byte[] first = in.readNBytes(16);
        byte[] small = in.readNBytes(7);
        byte[] large = in.readNBytes(2 * BufferedSocket.BUFFER); // larger than the buffer: read through it
        byte[] rest = s.getInputStream().readAllBytes();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first);
        all.writeBytes(small);
        all.writeBytes(large);
        all.writeBytes(rest);
        assertThat(Arrays.equals(all.toByteArray(), body)).as("the body arrives whole and in order").isTrue();
      }
      peer.get();
    }
  }
}
