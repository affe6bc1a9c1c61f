package io.trustchain.facts;

import java.util.List;

/** {@code uname -m} (S84, S85): {@code arm64} on Apple silicon, {@code x86_64} on Intel. */
final class UnameParser {

  private UnameParser() {}

  static String parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() != 1) {
      throw out.fail("one line (arm64 or x86_64) expected");
    }
    String arch = lines.get(0).strip();
    if (!arch.equals("arm64") && !arch.equals("x86_64")) {
      throw out.fail("unknown architecture '" + arch + "' (arm64 or x86_64 expected)");
    }
    return arch;
  }
}
