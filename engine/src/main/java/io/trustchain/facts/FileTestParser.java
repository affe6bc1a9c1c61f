package io.trustchain.facts;

/** {@code [ -f PATH ]}: exit 0 when the file exists, 1 when not, silent either way. */
final class FileTestParser {

  private FileTestParser() {}

  static boolean parse(ToolOutput out) throws FactParseException {
    if (!out.stdout().isBlank() || !out.stderr().isBlank()) {
      throw out.fail("a file test prints nothing");
    }
    return switch (out.exit()) {
      case 0 -> true;
      case 1 -> false;
      default -> throw out.unexpectedExit();
    };
  }
}
