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
  private static final Pattern TYPE = Pattern.compile("^[| ]   Type: (.+)$");
  private static final Pattern OWNER = Pattern.compile("^[| ]   Volume Owner: (Yes|No)$");

  private CryptoUsersParser() {}

  static CryptoUsers parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    List<String> lines = out.stdoutLines();
    if (lines.isEmpty()) {
      throw out.fail("no output");
    }
    Matcher none = NONE.matcher(lines.get(0).strip());
    if (lines.size() == 1 && none.matches()) {
      return new CryptoUsers(none.group(1), List.of(), false);
    }
    Matcher h = HEADER.matcher(lines.get(0).strip());
    if (!h.matches()) {
      throw out.fail("the header 'Cryptographic users for DISK (N found)' is missing");
    }
    List<String[]> raw = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.strip().equals("|")) {
        continue;
      }
      Matcher e = ENTRY.matcher(line);
      Matcher t = TYPE.matcher(line);
      Matcher o = OWNER.matcher(line);
      if (e.matches()) {
        raw.add(new String[] {e.group(1).toUpperCase(Locale.ROOT), null, null});
      } else if (raw.isEmpty()) {
        throw out.fail("unrecognised line '" + line + "' before the first '+-- UUID'");
      } else if (t.matches()) {
        raw.get(raw.size() - 1)[1] = t.group(1).strip();
      } else if (o.matches()) {
        raw.get(raw.size() - 1)[2] = o.group(1);
      } else {
        throw out.fail("unrecognised line '" + line + "'");
      }
    }
    List<CryptoUser> users = new ArrayList<>();
    boolean ownership = false;
    for (String[] r : raw) {
      if (r[1] == null) {
        throw out.fail("entry " + r[0] + " has no Type line");
      }
      Boolean owner = r[2] == null ? null : r[2].equals("Yes");
      ownership |= owner != null;
      users.add(new CryptoUser(r[0], r[1], owner));
    }
    int count = Integer.parseInt(h.group(2));
    if (count != users.size()) {
      throw out.fail("the header says " + count + " found but " + users.size() + " entries are listed");
    }
    return new CryptoUsers(h.group(1), List.copyOf(users), ownership);
  }
}
