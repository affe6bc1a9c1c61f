package io.trustchain.facts;

import java.util.List;

/**
 * {@code defaults read /Library/Preferences/com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass}
 * (macos-reference §7, 10.13.5; no captured sample): the value on stdout with exit 0 ({@code 1}
 * or {@code true}: the bypass is set, mobile accounts are NOT prompted), or, when the key or the
 * domain is absent, {@code The domain/default pair of (…) does not exist} on stderr with exit 1:
 * the macOS default, prompted.
 */
final class McxBypassParser {

  private McxBypassParser() {}

  static MobileAccountsFacts parse(ToolOutput out) throws FactParseException {
    if (out.exit() == 1 && out.stderr().contains("does not exist") && out.stdout().isBlank()) {
      return new MobileAccountsFacts(true);
    }
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.size() != 1) {
      throw out.fail("one value expected");
    }
    return switch (lines.get(0).strip().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "yes" -> new MobileAccountsFacts(false);
      case "0", "false", "no" -> new MobileAccountsFacts(true);
      default -> throw out.fail("a boolean (1 or 0) expected");
    };
  }
}
