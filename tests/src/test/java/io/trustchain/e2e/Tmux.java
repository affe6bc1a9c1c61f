package io.trustchain.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A real terminal for a test: Debian's tmux on a private server socket, running trustchain (a fresh
 * JVM on the test's classpath) in a workspace; keys are typed with send-keys and the screen read
 * with capture-pane, as a person would see it.
 */
final class Tmux implements AutoCloseable {

  private final String socket = "tc-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path exitFile;

  private Tmux(Path exitFile) {
    this.exitFile = exitFile;
  }

  /** Starts {@code trustchain ARGS} in {@code dir} on a 120×40 terminal. */
  static Tmux run(Path dir, String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    StringBuilder cmd = new StringBuilder("cd '" + dir + "' && '" + java + "' -cp '"
        + System.getProperty("java.class.path") + "' io.trustchain.cli.Main");
    for (String a : args) {
      cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    Path exit = dir.resolve("tmux-exit");
    Path script = dir.resolve("tmux-run.sh");
    // the shell survives the Ctrl-C meant for trustchain (a trap, unlike ignoring, is not inherited)
    Files.writeString(script, "trap 'true' INT\n" + cmd + "\necho $? > '" + exit + "'\nsleep 600\n");
    Tmux t = new Tmux(exit);
    t.tmux("-f", "/dev/null", "new-session", "-d", "-s", "run", "-x", "120", "-y", "40", "sh " + script, ";",
        "set-option", "-t", "run", "remain-on-exit", "on");
    return t;
  }

  String screen() throws Exception {
    return tmux("capture-pane", "-p", "-J", "-t", "run", "-S", "-300");
  }

  /** Polls the screen until {@code seen} holds; returns that screen. */
  String await(String what, Predicate<String> seen, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = screen();
      if (seen.test(last)) {
        return last;
      }
      Thread.sleep(150);
    }
    throw new AssertionError("gave up waiting for " + what + "; the screen:\n" + last);
  }

  void ctrlC() throws Exception {
    tmux("send-keys", "-t", "run", "C-c");
  }

  /** The command's exit code, once it has one. */
  int exitCode(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(exitFile)) {
        String text = Files.readString(exitFile).strip();
        if (!text.isEmpty()) {
          return Integer.parseInt(text);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the command did not end within " + timeout + "; the screen:\n" + screen());
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      tmux("kill-server");
    } catch (Exception | AssertionError e) {
      // already gone
    }
  }
}
