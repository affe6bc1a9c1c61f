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
 */
final class FdeListParser {

  /** One unlock user; {@code name} is null when fdesetup printed only the UUID. */
  record FdeUser(String name, String uuid) {}

  private static final String UUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
  private static final Pattern NAMED = Pattern.compile("^([^,\\s][^,]*),(" + UUID + ")$");
  private static final Pattern BARE = Pattern.compile("^(" + UUID + ")$");
  private static final Pattern IS_UUID = Pattern.compile(UUID);

  private FdeListParser() {}

  static List<FdeUser> parse(ToolOutput out) throws FactParseException {
    if (out.exit() == 1) {
      for (String line : out.stdoutLines()) {
        if (!line.strip().startsWith("FileVault is Off") && !line.strip().startsWith("Error: FileVault is Off")) {
          throw out.fail("exit 1 (FileVault is Off) with unexpected output");
        }
      }
      return List.of();
    }
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<FdeUser> users = new ArrayList<>();
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher n = NAMED.matcher(line);
      Matcher b = BARE.matcher(line);
      if (n.matches()) {
        String name = n.group(1);
        String uuid = n.group(2).toUpperCase(Locale.ROOT);
        users.add(IS_UUID.matcher(name).matches() ? new FdeUser(null, uuid) : new FdeUser(name, uuid));
      } else if (b.matches()) {
        users.add(new FdeUser(null, b.group(1).toUpperCase(Locale.ROOT)));
      } else {
        throw out.fail("unrecognised line '" + line + "' (NAME,UUID expected)");
      }
    }
    return users;
  }
}
