package io.trustchain.lab.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The three standard streams of a running command. */
record Io(InputStream in, OutputStream out, OutputStream err) {

  Io withIn(InputStream newIn) {
    return new Io(newIn, out, err);
  }

  Io withOut(OutputStream newOut) {
    return new Io(in, newOut, err);
  }

  void print(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  void error(String line) throws IOException {
    err.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** An input stream a program may close without closing the shell's stdin. */
  static InputStream keepOpen(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
