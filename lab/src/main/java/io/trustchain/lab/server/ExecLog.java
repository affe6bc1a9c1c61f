package io.trustchain.lab.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code STATEDIR/HOST/exec.log}: every command string the host received over SSH, exactly as sent,
 * one entry per exec. For people ("what did the engine send?") and for the tests that prove no
 * secret ever travels in a command string. Rolls over to {@code exec.log.1} past 1 MiB.
 */
final class ExecLog {

  private static final long MAX_BYTES = 1L << 20;

  private ExecLog() {}

  /**
   * After the exec: one {@code argv: WORD…} line per program it ran, with its arguments as expanded, which is
   * what a Mac's process list shows to anyone who looks while the program runs (builtins such as printf are
   * not programs, and show nothing).
   */
  static void argv(Path hostDir, java.util.List<java.util.List<String>> programs) {
    if (programs.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (java.util.List<String> p : programs) {
      b.append("argv:");
      for (String word : p) {
        b.append(' ').append(word.replace("\n", "\\n"));
      }
      b.append('\n');
    }
    write(hostDir, b.toString());
  }

  /**
   * A process event on the Mac that no command string shows: {@code hung: …}, {@code killed: …},
   * {@code survived: …} (see {@code ExecCommand}).
   */
  static void process(Path hostDir, String event) {
    write(hostDir, event + "\n");
  }

  static void append(Path hostDir, String user, String command) {
    write(hostDir, "--- " + Instant.now() + " " + user + "\n" + command + (command.endsWith("\n") ? "" : "\n"));
  }

  private static long size(Path log) throws IOException {
    try {
      return Files.size(log);
    } catch (java.nio.file.NoSuchFileException e) {
      return 0;
    }
  }

  private static void write(Path hostDir, String entry) {
    Path log = hostDir.resolve("exec.log");
    synchronized (ExecLog.class) {
      try {
        if (!Files.isDirectory(hostDir)) {
          Files.createDirectories(hostDir);
        }
        if (size(log) > MAX_BYTES) {
          Files.move(log, hostDir.resolve("exec.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the log is a convenience: a full disk must not fail the Mac's command
      }
    }
  }
}
