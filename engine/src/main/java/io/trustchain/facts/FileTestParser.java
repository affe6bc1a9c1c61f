package io.trustchain.facts;

/**
 * {@code [ -s PATH ]}: exit 0 when the file exists (and is not empty), 1 when not, silent either way.
 * Anything else leaves it unknown. Field: {@code *}.
 */
final class FileTestParser {

  private FileTestParser() {}

  /** true, false, or null when the test did not say. */
  static Boolean parse(Reading r) {
    ToolOutput out = r.out();
    if (!out.stdout().isBlank() || !out.stderr().isBlank() || (out.exit() != 0 && out.exit() != 1)) {
      r.output("a file test prints nothing and exits 0 or 1", Reading.ALL);
      return null;
    }
    return out.exit() == 0;
  }
}
