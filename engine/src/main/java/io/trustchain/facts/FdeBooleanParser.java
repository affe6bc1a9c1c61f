package io.trustchain.facts;

import java.util.List;

/**
 * The yes/no verbs of {@code fdesetup} ({@code haspersonalrecoverykey},
 * {@code hasinstitutionalrecoverykey}; S47): {@code true} or {@code false} on stdout, exit 0.
 */
final class FdeBooleanParser {

  private FdeBooleanParser() {}

  static boolean parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() == 1 && lines.get(0).strip().equals("true")) {
      return true;
    }
    if (lines.size() == 1 && lines.get(0).strip().equals("false")) {
      return false;
    }
    throw out.fail("'true' or 'false' expected");
  }
}
