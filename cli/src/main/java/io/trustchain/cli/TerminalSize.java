package io.trustchain.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The terminal's width, from {@code stty size} on {@code /dev/tty} (the live progress never wraps). */
final class TerminalSize {

  private TerminalSize() {}

  static Optional<Integer> columns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      String[] parts = out.split("\\s+");
      return parts.length == 2 ? Optional.of(Integer.parseInt(parts[1])) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
