package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one tool printed in its section of the facts exec: the command as shown to humans, its exit
 * status and both streams. Parsers read it through a {@link Reading}, which keeps what they do not
 * understand in the device's words (redacted). The command's text is made only when a message needs it
 * (what a Mac printed that nobody documented): for the sections read without a note, on every host, it
 * never is (it was 0.6 % of facts' samples at N = 1,000, and 7.5 ms of compilation; docs/performance.md).
 * Two outputs are equal only if they share the supplier, not its text: nothing compares them.
 */
record ToolOutput(Supplier<String> commandText, int exit, String stdout, String stderr) {

  ToolOutput {
    Objects.requireNonNull(commandText, "commandText == null");
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  ToolOutput(String command, int exit, String stdout, String stderr) {
    this(constant(command), exit, stdout, stderr);
  }

  private static Supplier<String> constant(String command) {
    Objects.requireNonNull(command, "command == null");
    return () -> command;
  }

  /** The command as shown to humans (secrets masked). */
  String command() {
    return Objects.requireNonNull(commandText.get(), "command == null");
  }

  /** The non-blank lines of stdout, without trailing white space. */
  List<String> stdoutLines() {
    return lines(stdout);
  }

  /** The non-blank lines of stderr, without trailing white space. */
  List<String> stderrLines() {
    return lines(stderr);
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = lineEnd(text, start);
      String line = text.substring(start, end).stripTrailing();
      if (!line.isEmpty()) {
        lines.add(line);
      }
      start = next(text, end);
    }
    return List.copyOf(lines);
  }

  /** Where the line that starts at {@code start} ends: at its {@code \n}, {@code \r} or the end of the text. */
  static int lineEnd(String text, int start) {
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  /** Where the next line starts after the terminator at {@code end} ({@code \r\n} counts once, as in {@link String#lines}). */
  static int next(String text, int end) {
    if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
      return end + 2;
    }
    return end + 1;
  }
}
