package io.trustchain.facts;

/**
 * A command printed something the parsers do not recognise. The message names the command and
 * quotes its (redacted) output: never a silent default.
 */
public final class FactParseException extends Exception {

  public FactParseException(String command, String problem, String redactedOutput) {
    super(command + ": " + problem + (redactedOutput == null || redactedOutput.isBlank()
        ? " (no output)" : "; it printed:\n" + indent(redactedOutput)));
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.strip().split("\n", -1)) {
      b.append("    | ").append(line).append('\n');
    }
    return b.toString().stripTrailing();
  }
}
