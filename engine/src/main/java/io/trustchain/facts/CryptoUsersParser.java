package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code diskutil apfs listCryptoUsers /} (S57–S60): a header {@code Cryptographic user(s) for
 * diskXsY (N found)}, then per entry {@code +-- UUID}, {@code |   Type: …} and, on volume-ownership
 * systems only (S58), {@code |   Volume Owner: Yes|No}; the last entry is indented with spaces.
 */
final class CryptoUsersParser {

  /** One crypto user; {@code volumeOwner} is null when the line is absent (Intel, before 11). */
  record CryptoUser(String uuid, String type, Boolean volumeOwner) {}

  /** The volume's crypto users; {@code ownershipReported} when any entry has a Volume Owner line. */
  record CryptoUsers(String volume, List<CryptoUser> users, boolean ownershipReported) {

    boolean has(String uuid) {
      return users.stream().anyMatch(u -> u.uuid().equalsIgnoreCase(uuid));
    }

    CryptoUser find(String uuid) {
      return uuid == null ? null
          : users.stream().filter(u -> u.uuid().equalsIgnoreCase(uuid)).findFirst().orElse(null);
    }
  }

  /** The fixed crypto-user UUIDs of macos-reference.md §8 rule 9 (S62). */
  static final String PERSONAL_RECOVERY = "EBC6C064-0000-11AA-AA11-00306543ECAC";
  static final String INSTITUTIONAL_RECOVERY = "C064EBC6-0000-11AA-AA11-00306543ECAC";
  static final String INSTITUTIONAL_RECOVERY_USER = "2FA31400-BAFF-4DE7-AE2A-C3AA6E1FD340";
  static final String BOOTSTRAP_TOKEN = "2457711A-523C-4604-B75A-F48A571D5036";

  private static final Pattern HEADER =
      Pattern.compile("^Cryptographic users? for (\\S+) \\((\\d+) found\\)$");
  /** A volume with no crypto user at all (fresh, nobody ever logged in): not captured, §9; the lab's wording. */
  private static final Pattern NONE = Pattern.compile("^No cryptographic users for (\\S+)$");
  private static final Pattern ENTRY = Pattern.compile("^\\+-- ([0-9A-Fa-f-]{36})$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^[| ][ \\t]+([A-Za-z][A-Za-z ]*): (.+)$");

  private CryptoUsersParser() {}

  /**
   * The crypto users; lines it does not know are noted, and leave everything this tool says unknown
   * when the entries listed do not add up to the header's count.
   */
  static CryptoUsers parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return new CryptoUsers(null, List.of(), false);
    }
    List<String> lines = out.stdoutLines();
    r.stderrNoise();
    int start = 0;
    Matcher h = null;
    for (; start < lines.size(); start++) {
      String first = lines.get(start).strip();
      Matcher none = NONE.matcher(first);
      if (none.matches()) {
        noteRest(r, lines, start, "after 'No cryptographic users'");
        return new CryptoUsers(none.group(1), List.of(), false);
      }
      h = HEADER.matcher(first);
      if (h.matches()) {
        break;
      }
      r.line("stdout", lines.get(start), "unknown line before the header");
    }
    if (start >= lines.size()) {
      r.output("no header 'Cryptographic users for DISK (N found)'", Reading.ALL);
      return new CryptoUsers(null, List.of(), false);
    }
    List<String[]> raw = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    boolean ownerUnclear = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.strip().equals("|")) {
        continue;
      }
      Matcher e = ENTRY.matcher(line.strip());
      Matcher a = ATTRIBUTE.matcher(line);
      if (e.matches()) {
        raw.add(new String[] {e.group(1).toUpperCase(Locale.ROOT), null, null});
      } else if (!raw.isEmpty() && a.matches()) {
        String key = a.group(1).strip();
        String value = a.group(2).strip();
        String[] entry = raw.get(raw.size() - 1);
        if (key.equals("Type")) {
          entry[1] = value;
        } else if (key.equals("Volume Owner") && (value.equals("Yes") || value.equals("No"))) {
          entry[2] = value;
        } else if (key.equals("Volume Owner")) {
          r.line("stdout", line, "unknown Volume Owner value (Yes or No expected)", "volume_owner");
          ownerUnclear = true;
        } else {
          r.line("stdout", line, "unknown attribute " + key);
        }
      } else {
        unknown.add(line);
      }
    }
    List<CryptoUser> users = new ArrayList<>();
    boolean ownership = ownerUnclear;
    for (String[] e : raw) {
      Boolean owner = e[2] == null ? null : e[2].equals("Yes");
      ownership |= owner != null;
      users.add(new CryptoUser(e[0], e[1], owner));
    }
    int count = Integer.parseInt(h.group(2));
    if (count != users.size()) {
      r.output("the header says " + count + " found but " + users.size() + " entries are listed", Reading.ALL);
    } else if (!unknown.isEmpty()) {
      r.lines("stdout", unknown, "unknown line (the " + count + " entries the header counts are all read)");
    }
    return new CryptoUsers(h.group(1), List.copyOf(users), ownership);
  }

  private static void noteRest(Reading r, List<String> lines, int at, String where) {
    if (at + 1 < lines.size()) {
      r.lines("stdout", lines.subList(at + 1, lines.size()), "unknown line " + where);
    }
  }
}
