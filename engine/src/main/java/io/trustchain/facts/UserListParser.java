package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dscl . -list /Users UniqueID} (S73): the record name left-justified in a 25-column field,
 * then the uid (negative for {@code nobody}), alphabetical by name.
 */
final class UserListParser {

  /** One local account. */
  record ListedUser(String name, int uid) {}

  private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(-?\\d+)$");

  private UserListParser() {}

  static List<ListedUser> parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<ListedUser> users = new ArrayList<>();
    for (String line : out.stdoutLines()) {
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw out.fail("unrecognised line '" + line + "' (NAME UID expected)");
      }
      try {
        users.add(new ListedUser(m.group(1), Integer.parseInt(m.group(2))));
      } catch (NumberFormatException e) {
        throw out.fail("uid out of range in '" + line + "'");
      }
    }
    return users;
  }
}
