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
 * (S31, read as off), and the informational {@code FileVault master keychain appears to be installed.}
 * (a real capture beside S25).
 *
 * <p>Read by the most specific thing known: a known prefix whose remainder is new keeps what the
 * prefix says ({@code Encryption in progress} with another remainder is encrypting, percentage
 * unknown; {@code FileVault is On} with another ending is on, but ambiguous). A stdout line it does
 * not know may qualify the state, so it leaves {@code status} ambiguous; stderr lines are noted only.
 * Fields: {@code status}, {@code progress_percent}, {@code deferral}.
 */
final class FdeStatusParser {

  /** The status ({@code on|off|encrypting|decrypting}, null when not read), progress, the deferral's user. */
  record FdeStatus(String status, Double progressPercent, String deferredUser, boolean deferralActive) {}

  private static final Pattern FIRST = Pattern.compile("^FileVault is (On|Off)(.*)$");
  private static final Pattern BUSY = Pattern.compile("^(Encryption|Decryption) in progress(.*)$");
  private static final Pattern PERCENT = Pattern.compile("^: Percent completed = ([0-9]+(?:\\.[0-9]+)?)$");
  private static final Pattern DEFERRED = Pattern.compile("^Deferred enablement appears to be active for user(.*)$");
  /**
   * Lines fdesetup prints beside the state that say nothing about it: the CoreStorage-era institutional
   * keychain notice (a real 10.15.6 capture, TravellingTechGuy/reportFileVault README.md, the source of S25).
   */
  private static final java.util.Set<String> INFORMATIONAL = java.util.Set.of(
      "FileVault master keychain appears to be installed.");
  private static final Pattern DEFERRED_USER = Pattern.compile("^ '([^']*)'\\.$");

  private FdeStatusParser() {}

  static FdeStatus parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0 && out.exit() != 1 && out.exit() != 2) {
      r.unexpectedExit(Reading.ALL);
      return new FdeStatus(null, null, null, false);
    }
    List<String> lines = out.stdoutLines();
    r.stderrNoise();
    String status = null;
    String busyStatus = null;
    Double percent = null;
    String deferredUser = null;
    boolean deferral = false;
    boolean busy = false;
    List<String> unknown = new java.util.ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      Matcher first = FIRST.matcher(line);
      Matcher p = BUSY.matcher(line);
      Matcher d = DEFERRED.matcher(line);
      if (first.matches() && status == null) {
        status = first.group(1).equals("On") ? "on" : "off";
        String rest = first.group(2);
        if (!rest.equals(".") && !(status.equals("off") && rest.equals(", but will be enabled after the next restart."))) {
          r.line("stdout", raw, "a known beginning with an unknown ending", "status");
        }
      } else if (p.matches() && !busy) {
        busy = true;
        busyStatus = p.group(1).equals("Encryption") ? "encrypting" : "decrypting";
        Matcher pc = PERCENT.matcher(p.group(2));
        if (pc.matches()) {
          percent = Double.valueOf(pc.group(1));
        } else {
          r.line("stdout", raw, "the state is known, the amount is not", "progress_percent");
        }
      } else if (d.matches() && !deferral) {
        deferral = true;
        Matcher u = DEFERRED_USER.matcher(d.group(1));
        if (u.matches()) {
          deferredUser = u.group(1);
        } else {
          r.line("stdout", raw, "a deferral is active; its user is not understood", "deferral");
        }
      } else if (!INFORMATIONAL.contains(line)) {
        unknown.add(raw);
      }
    }
    if (busy) {
      status = busyStatus;
    } else if (status == null) {
      r.output("no 'FileVault is On.' or 'FileVault is Off.' line", Reading.ALL);
      return new FdeStatus(null, null, null, false);
    }
    if (!unknown.isEmpty()) {
      r.lines("stdout", unknown, "unknown line (it may qualify the state)", "status");
    }
    return new FdeStatus(status, percent, deferredUser, deferral);
  }
}
