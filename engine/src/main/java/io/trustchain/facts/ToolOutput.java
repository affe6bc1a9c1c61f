package io.trustchain.facts;

import java.util.List;
import java.util.Objects;

/**
 * What one tool printed in its section of the facts exec: the command as shown to humans, its exit
 * status and both streams. Parsers read it and fail through {@link #fail}, which quotes the output
 * redacted.
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

  /** A parse failure naming the command and quoting its redacted output and exit status. */
  FactParseException fail(String problem) {
    StringBuilder quoted = new StringBuilder();
    if (!stdout.isBlank()) {
      quoted.append(Redact.text(stdout.strip()));
    }
    if (!stderr.isBlank()) {
      if (!quoted.isEmpty()) {
        quoted.append('\n');
      }
      quoted.append("(stderr) ").append(Redact.text(stderr.strip()));
    }
    return new FactParseException(command, Redact.text(problem) + " (exit " + exit + ")", quoted.toString());
  }

  FactParseException unexpectedExit() {
    return fail("unexpected exit status " + exit);
  }
}
