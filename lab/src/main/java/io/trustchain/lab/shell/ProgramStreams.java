package io.trustchain.lab.shell;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The print streams a shell hands its programs, one per shell stream, made once per run: a
 * {@link PrintStream} builds a character encoder and an 8 KiB buffer when made, which cost more than
 * most of the lab's programs do. A program may close its stream: it is flushed, and what the program
 * writes after is lost, but the shell's stream stays open for the next program, as when a process
 * closes its stdout. One shell run is one thread (pipeline stages run in turn).
 */
final class ProgramStreams {

  private static final int SLOTS = 4;

  private final OutputStream[] targets = new OutputStream[SLOTS];
  private final Stream[] streams = new Stream[SLOTS];
  private int next;

  /** The print stream over {@code out}, with no error from an earlier program left on it. */
  PrintStream of(OutputStream out) {
    for (int i = 0; i < SLOTS; i++) {
      if (targets[i] == out) {
        streams[i].fresh();
        return streams[i];
      }
    }
    Stream s = new Stream(out);
    targets[next] = out;
    streams[next] = s;
    next = (next + 1) % SLOTS;
    return s;
  }

  private static final class Stream extends PrintStream {

    private final Gate gate;

    Stream(OutputStream out) {
      this(new Gate(out));
    }

    private Stream(Gate gate) {
      super(gate, false, StandardCharsets.UTF_8);
      this.gate = gate;
    }

    /** For the next program: open, and no error from an earlier one. */
    void fresh() {
      gate.closed = false;
      clearError();
    }

    /** Flushed, and closed for the rest of this program: what it writes is lost, and {@link #checkError} says so. */
    @Override
    public void close() {
      flush();
      gate.closed = true;
    }
  }

  /** Writes through to the shell's stream until the program closes its end. */
  private static final class Gate extends FilterOutputStream {

    boolean closed;

    Gate(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("Stream closed");
      }
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (!closed) {
        out.flush();
      }
    }
  }
}
