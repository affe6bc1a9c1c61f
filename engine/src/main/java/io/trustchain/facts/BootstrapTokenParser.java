package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profiles status -type bootstraptoken} (S48–S50): {@code profiles: Bootstrap Token
 * supported on server: YES|NO} and, only when supported, {@code profiles: Bootstrap Token escrowed
 * to server: YES|NO} (the FileWave KB wording {@code escrowed on server} is accepted too). A
 * missing escrow line means not escrowed when the server lacks support (S50); when it supports
 * Bootstrap Tokens, the escrow line is expected. A known prefix with another answer than YES/NO
 * leaves that field unknown; a line it does not know may qualify both, so it leaves both ambiguous.
 * Fields: {@code supported}, {@code escrowed}.
 */
final class BootstrapTokenParser {

  private static final Pattern SUPPORTED =
      Pattern.compile("^(?:profiles: )?Bootstrap Token supported on server:[ \\t]*(.*)$");
  private static final Pattern ESCROWED =
      Pattern.compile("^(?:profiles: )?Bootstrap Token escrowed (?:to|on) server:[ \\t]*(.*)$");

  private BootstrapTokenParser() {}

  static BootstrapTokenFacts parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return new BootstrapTokenFacts(null, null);
    }
    Boolean supported = null;
    Boolean escrowed = null;
    boolean escrowLine = false;
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher s = SUPPORTED.matcher(line);
      Matcher e = ESCROWED.matcher(line);
      if (s.matches() && supported == null) {
        supported = yesNo(r, raw, s.group(1), "supported");
      } else if (e.matches() && !escrowLine) {
        escrowLine = true;
        escrowed = yesNo(r, raw, e.group(1), "escrowed");
      } else {
        r.line("stdout", raw, "unknown line", Reading.ALL);
      }
    }
    r.stderrNoise();
    if (supported == null && r.sure("supported")) {
      r.output("no 'Bootstrap Token supported on server' line", "supported");
    }
    if (!escrowLine) {
      if (Boolean.FALSE.equals(supported)) {
        escrowed = false;
      } else if (r.sure("escrowed")) {
        r.output("no 'Bootstrap Token escrowed to server' line", "escrowed");
      }
    }
    return new BootstrapTokenFacts(supported, escrowed);
  }

  private static Boolean yesNo(Reading r, String line, String answer, String field) {
    return switch (answer.strip()) {
      case "YES" -> true;
      case "NO" -> false;
      default -> {
        r.line("stdout", line, "a known beginning with an unknown answer (YES or NO expected)", field);
        yield null;
      }
    };
  }
}
