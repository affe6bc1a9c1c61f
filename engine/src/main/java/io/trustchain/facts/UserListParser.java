package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dscl . -list /Users UniqueID} (S73): the record name left-justified in a 25-column field,
 * then the uid (negative for {@code nobody}), alphabetical by name. A line of another shape may hide
 * an account, so it leaves the listing ({@code users}) unknown. Field: {@code users}.
 */
final class UserListParser {

  /** One local account. */
  record ListedUser(String name, int uid) {}

  private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(-?\\d{1,10})$");

  private UserListParser() {}

  static List<ListedUser> parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit("users");
      return List.of();
    }
    List<ListedUser> users = new ArrayList<>();
    for (String line : out.stdoutLines()) {
      Matcher m = LINE.matcher(line.strip());
      long uid = m.matches() ? Long.parseLong(m.group(2)) : Long.MIN_VALUE;
      if (uid < Integer.MIN_VALUE || uid > Integer.MAX_VALUE) {
        r.line("stdout", line, "unknown line (NAME UID expected)", "users");
      } else {
        users.add(new ListedUser(m.group(1), (int) uid));
      }
    }
    r.stderrNoise();
    if (out.stdoutLines().isEmpty()) {
      r.output("no account listed", "users");
    }
    return users;
  }
}
