package io.trustchain.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * What one exec prints, taken from its channel when the channel closes.
 *
 * <p>sshj's reader thread puts every packet of the answer into the channel's stdout or stderr buffer as it comes.
 * Reading them as they come (a thread blocked in {@code read} per stream) costs a wake-up per packet per stream, and
 * a Mac answers a facts script in ≈100 packets (each tool's output is flushed as the tool writes it). So the
 * caller's thread waits for the channel's close, one wake-up, and takes both buffers then.
 *
 * <p>The channel's window (how much the host may send before the client has read it) is one for both streams and
 * grows only as the client reads: an answer larger than it would stop the host, and the channel would never close.
 * So while waiting, what both buffers hold is taken every {@link #IDLE_DRAIN}, and again at once while an answer
 * keeps coming in big pieces ({@link #BIG}); an answer of a few KiB is taken once, at the end.
 */
final class ExecOutput {

  /** How long to wait for the close before taking what is buffered, when little came since the last look. */
  static final Duration IDLE_DRAIN = Duration.ofMillis(50);
  /** Bytes taken in one look above which the next look comes at once: a big answer is flowing. */
  static final int BIG = 32 * 1024;
  private static final Duration BUSY_DRAIN = Duration.ofMillis(1);

  private final RemoteProcess process;
  private final InputStream stdout;
  private final InputStream stderr;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final byte[] buf = new byte[8192];
  private Duration nextLook = IDLE_DRAIN;

  ExecOutput(RemoteProcess process) {
    this.process = process;
    this.stdout = process.stdout();
    this.stderr = process.stderr();
  }

  /**
   * Waits until the channel closes or {@code deadline} ({@link System#nanoTime()}) passes, taking what comes.
   *
   * @return whether the channel closed; then both streams have been read to their end
   * @throws IOException a stream broke (the connection dropped)
   */
  boolean awaitClose(long deadline) throws IOException {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      boolean closed = process.awaitClosed(Duration.ofNanos(Math.min(left, nextLook.toNanos())));
      if (closed) {
        readToEnd(stdout, out);
        readToEnd(stderr, err);
        return true;
      }
      int taken = takeBuffered(stdout, out) + takeBuffered(stderr, err);
      nextLook = taken >= BIG ? BUSY_DRAIN : IDLE_DRAIN;
    }
  }

  /** Takes what both streams hold now, without waiting (a channel given up on). */
  void takeBuffered() throws IOException {
    takeBuffered(stdout, out);
    takeBuffered(stderr, err);
  }

  /** Whether any byte came on either stream so far. */
  boolean heard() {
    return out.size() > 0 || err.size() > 0 || available(stdout) > 0 || available(stderr) > 0;
  }

  String stdout(Charset charset) {
    return out.toString(charset);
  }

  String stderr(Charset charset) {
    return err.toString(charset);
  }

  private int takeBuffered(InputStream in, ByteArrayOutputStream to) throws IOException {
    int taken = 0;
    int n;
    while ((n = in.available()) > 0) {
      int got = in.read(buf, 0, Math.min(n, buf.length));
      if (got <= 0) {
        break;
      }
      to.write(buf, 0, got);
      taken += got;
    }
    return taken;
  }

  private void readToEnd(InputStream in, ByteArrayOutputStream to) throws IOException {
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        to.write(buf, 0, n);
      }
    }
  }

  private static int available(InputStream in) {
    try {
      return in.available();
    } catch (IOException e) {
      return 0;
    }
  }
}
