package io.trustchain.facts;

import java.util.List;
import java.util.Objects;

/**
 * What one tool printed in its section of the facts exec: the command as shown to humans, its exit
 * status and both streams. Parsers read it through a {@link Reading}, which keeps what they do not
 * understand in the device's words (redacted).
 */
record ToolOutput(String command, int exit, String stdout, String stderr) {

  ToolOutput {
    Objects.requireNonNull(command, "command == null");
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
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
    return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
  }
}
