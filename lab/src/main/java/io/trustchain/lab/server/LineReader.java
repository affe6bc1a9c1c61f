package io.trustchain.lab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads command lines from an SSH channel. On a terminal (a PTY was requested) it does what the
 * kernel's line discipline would: echoes, handles backspace, Ctrl-C (drops the line) and Ctrl-D (end
 * at an empty line), and ignores escape sequences such as arrow keys.
 */
final class LineReader {

  private final InputStream in;
  private final OutputStream echo;

  /** {@code echo} is the terminal to echo to; null without a terminal. */
  LineReader(InputStream in, OutputStream echo) {
    this.in = in;
    this.echo = echo;
  }

  /** The next line without its end, or null at the end of input. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      if (echo == null) {
        if (b == '\n') {
          String s = line.toString(StandardCharsets.UTF_8);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        line.write(b);
        continue;
      }
      switch (b) {
        case '\r', '\n' -> {
          write("\r\n");
          return line.toString(StandardCharsets.UTF_8);
        }
        case 0x7f, 0x08 -> {
          byte[] bytes = line.toByteArray();
          int end = bytes.length;
          while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
            end--;
          }
          if (end > 0) {
            line.reset();
            line.write(bytes, 0, end - 1);
            write("\b \b");
          }
        }
        case 0x03 -> {
          write("^C\r\n");
          return "";
        }
        case 0x04 -> {
          if (line.size() == 0) {
            return null;
          }
        }
        case 0x1b -> skipEscape();
        default -> {
          if (b >= 0x20 || b == '\t') {
            line.write(b);
            echo.write(b);
            echo.flush();
          }
        }
      }
    }
  }

  private void skipEscape() throws IOException {
    int b = in.read();
    if (b == '[' || b == 'O') {
      do {
        b = in.read();
      } while (b >= 0 && (b < 0x40 || b > 0x7e));
    }
  }

  private void write(String s) throws IOException {
    echo.write(s.getBytes(StandardCharsets.UTF_8));
    echo.flush();
  }
}
