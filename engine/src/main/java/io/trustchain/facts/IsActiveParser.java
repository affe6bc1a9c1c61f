package io.trustchain.facts;

import java.util.List;

/**
 * {@code fdesetup isactive} (S46): {@code true} with exit 0 when FileVault is enabled, {@code false}
 * with exit 1 when it is off. Used to cross-check {@code fdesetup status}.
 */
final class IsActiveParser {

  private IsActiveParser() {}

  static boolean parse(ToolOutput out) throws FactParseException {
    List<String> lines = out.stdoutLines();
    if (lines.size() == 1 && lines.get(0).strip().equals("true") && out.exit() == 0) {
      return true;
    }
    if (lines.size() == 1 && lines.get(0).strip().equals("false") && out.exit() == 1) {
      return false;
    }
    throw out.fail("'true' (exit 0) or 'false' (exit 1) was expected");
  }
}
