package io.trustchain.lab.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One stream of a command under trustchain's watchdog, as the watchdog relays it (engine
 * {@code transport.ssh.Watchdog}): the command writes into a pipe the watchdog reads, and the watchdog writes
 * on what it read when 32 KiB are waiting, when the oldest byte has waited 0.1 s, and when the pipe ends. The
 * lab's programs take no time, so only the first and the last happen here: a piece goes on each time
 * {@value #PIECE} bytes or more are waiting ({@link #write}), and the rest at the end or before a hang is
 * handed on ({@link #pass}, the real relay's 0.1 s). A program's flush reaches the pipe, not sshd: it does
 * nothing. A write that fails drops what was waiting, as the watchdog does when the client left; the command
 * runs on.
 */
final class RelayedStream extends OutputStream {

  static final int PIECE = 32 * 1024;

  private final OutputStream to;
  private byte[] buf = new byte[1024];
  private int count;

  RelayedStream(OutputStream to) {
    this.to = to;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (count + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(count + len, buf.length * 2));
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
    if (count >= PIECE) {
      pass();
    }
  }

  /** What a program flushes stays in the watchdog's buffer. */
  @Override
  public void flush() {}

  /** Writes on what is waiting, in one piece. */
  void pass() {
    if (count == 0) {
      return;
    }
    try {
      to.write(buf, 0, count);
      to.flush();
    } catch (IOException clientLeft) {
      // dropped, as the watchdog drops a stream whose write failed; the command runs on
    }
    count = 0;
  }
}
