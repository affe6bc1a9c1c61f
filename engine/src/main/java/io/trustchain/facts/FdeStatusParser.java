package io.trustchain.facts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fdesetup status} (S25–S31, exit codes S24): {@code FileVault is On.} / {@code Off.}
 * (exit 0 or 1), a second line {@code Encryption|Decryption in progress: Percent completed = N}
 * while busy (exit 2; N as {@code [0-9.]+}; the state is read from this line because the first one
 * is unsettled while decrypting, S30), {@code Deferred enablement appears to be active for user
 * 'NAME'.} (S27), and the CoreStorage-era {@code Off, but will be enabled after the next restart.}
 * (S31, read as off).
 */
final class FdeStatusParser {

  /** The status ({@code on|off|encrypting|decrypting}), progress, and the deferral's user. */
  record FdeStatus(String status, Double progressPercent, String deferredUser) {}

  private static final Pattern PROGRESS =
      Pattern.compile("^(Encryption|Decryption) in progress: Percent completed = ([0-9]+(?:\\.[0-9]+)?)$");
  private static final Pattern DEFERRED =
      Pattern.compile("^Deferred enablement appears to be active for user '([^']*)'\\.$");

  private FdeStatusParser() {}

  static FdeStatus parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0 && out.exit() != 1 && out.exit() != 2) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.isEmpty()) {
      throw out.fail("no output");
    }
    String status = switch (lines.get(0).strip()) {
      case "FileVault is On." -> "on";
      case "FileVault is Off.", "FileVault is Off, but will be enabled after the next restart." -> "off";
      default -> throw out.fail("the first line is not 'FileVault is On.' or 'FileVault is Off.'");
    };
    Double percent = null;
    String deferredUser = null;
    for (String raw : lines.subList(1, lines.size())) {
      String line = raw.strip();
      Matcher p = PROGRESS.matcher(line);
      Matcher d = DEFERRED.matcher(line);
      if (p.matches()) {
        if (percent != null) {
          throw out.fail("two progress lines");
        }
        status = p.group(1).equals("Encryption") ? "encrypting" : "decrypting";
        percent = Double.valueOf(p.group(2));
      } else if (d.matches()) {
        deferredUser = d.group(1);
      } else {
        throw out.fail("unrecognised line '" + line + "'");
      }
    }
    return new FdeStatus(status, percent, deferredUser);
  }
}
