package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fdesetup list} (S32): one {@code shortname,UUID} line per FileVault user. A user whose
 * Open Directory name is unknown is listed by UUID (square/fde-rekey #1): a bare UUID, or a UUID
 * in the name field; such an entry has a null name. Exit 1 is "FileVault is Off" (S24): no users.
 * A line of another shape may be a user in a form not known yet, so it leaves the list unknown.
 * Field: {@code unlock_users}.
 */
final class FdeListParser {

  /** One unlock user as listed; {@code name} is null when fdesetup printed only the UUID. */
  record FdeUser(String name, String uuid, String row) {}

  private static final String UUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
  private static final Pattern NAMED = Pattern.compile("^([^,\\s][^,]*),[ \\t]*(" + UUID + ")$");
  private static final Pattern BARE = Pattern.compile("^(" + UUID + ")$");
  private static final Pattern IS_UUID = Pattern.compile(UUID);

  private FdeListParser() {}

  static List<FdeUser> parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == 1) {
      List<String> other = out.stdoutLines().stream()
          .filter(l -> !l.strip().startsWith("FileVault is Off") && !l.strip().startsWith("Error: FileVault is Off"))
          .toList();
      if (!other.isEmpty()) {
        r.lines("stdout", other, "unknown line with exit 1 (FileVault is Off)", "unlock_users");
      }
      r.stderrNoise();
      return List.of();
    }
    if (out.exit() != 0) {
      r.unexpectedExit("unlock_users");
      return List.of();
    }
    List<FdeUser> users = new ArrayList<>();
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher n = NAMED.matcher(line);
      Matcher b = BARE.matcher(line);
      if (n.matches()) {
        String name = n.group(1).strip();
        String uuid = n.group(2).toUpperCase(Locale.ROOT);
        users.add(new FdeUser(IS_UUID.matcher(name).matches() ? null : name, uuid, line));
      } else if (b.matches()) {
        users.add(new FdeUser(null, b.group(1).toUpperCase(Locale.ROOT), line));
      } else {
        r.line("stdout", raw, "unknown line (NAME,UUID expected)", "unlock_users");
      }
    }
    r.stderrNoise();
    return users;
  }
}
