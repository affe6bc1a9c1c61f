package io.trustchain.facts;

import java.util.List;
import java.util.Locale;

/**
 * {@code defaults read /Library/Preferences/com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass}
 * (macos-reference §7, 10.13.5; no captured sample): the value on stdout with exit 0 ({@code 1}
 * or {@code true}: the bypass is set, mobile accounts are NOT prompted), or, when the key or the
 * domain is absent, {@code The domain/default pair of (…) does not exist} on stderr with exit 1:
 * the macOS default, prompted. Anything else leaves it unknown. Field: {@code secure_token_prompt}.
 */
final class McxBypassParser {

  private McxBypassParser() {}

  static MobileAccountsFacts parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == 1 && out.stderr().contains("does not exist") && out.stdout().isBlank()) {
      return new MobileAccountsFacts(true);
    }
    if (out.exit() != 0) {
      r.unexpectedExit("secure_token_prompt");
      return new MobileAccountsFacts(null);
    }
    List<String> lines = out.stdoutLines();
    Boolean prompt = lines.size() != 1 ? null : switch (lines.get(0).strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> false;
      case "0", "false", "no" -> true;
      default -> null;
    };
    if (prompt == null) {
      r.output("one boolean (1 or 0) expected", "secure_token_prompt");
    } else {
      r.stderrNoise();
    }
    return new MobileAccountsFacts(prompt);
  }
}
