package io.trustchain.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads one stream to its end on a virtual thread, so stdout and stderr never block each other. */
final class StreamCollector {

  /** The stream did not end in time. */
  static final class TimedOut extends Exception {
    TimedOut() {
      super(null, null, false, false);
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile IOException failure;
  private volatile boolean heard;

  private StreamCollector() {}

  static StreamCollector start(InputStream in) {
    StreamCollector c = new StreamCollector();
    Thread.ofVirtual().name("tc-ssh-read").start(() -> c.drain(in));
    return c;
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (bytes) {
          bytes.write(buf, 0, n);
        }
        heard |= n > 0;
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      done.countDown();
    }
  }

  /** Waits for the end of the stream; rethrows what broke it. */
  void await(Duration timeout) throws TimedOut, IOException {
    try {
      if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TimedOut();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the remote command", e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Whether any byte came so far. */
  boolean heard() {
    return heard;
  }

  String text(Charset charset) {
    synchronized (bytes) {
      return bytes.toString(charset);
    }
  }
}
