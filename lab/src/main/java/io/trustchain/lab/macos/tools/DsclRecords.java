package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.GroupRecord;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.MacVersion;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dscl's view of user and group records, and its record layout (S64, S70, S75): native attributes
 * first, then standard ones, each group sorted without regard to case; short values on the key's line,
 * several values space-separated, and values with spaces or newlines on the next lines with one leading
 * space.
 */
final class DsclRecords {

  static final String NATIVE = "dsAttrTypeNative:";
  static final String STANDARD = "dsAttrTypeStandard:";
  static final Set<String> STANDARD_NAMES = Set.of("AppleMetaNodeLocation", "AuthenticationAuthority",
      "AuthenticationHint", "GeneratedUID", "JPEGPhoto", "NFSHomeDirectory", "Password", "Picture",
      "PrimaryGroupID", "RealName", "RecordName", "RecordType", "UniqueID", "UserShell", "GroupMembership",
      "GroupMembers", "SMBSID", "Comment", "EMailAddress", "HomeDirectory", "Keywords", "NestedGroups",
      "MCXSettings", "MCXFlags", "PasswordPolicyOptions");

  private DsclRecords() {}

  /** The printed attribute name for a name given on the command line or stored. */
  static String canonical(String name) {
    String bare = name.startsWith(STANDARD) ? name.substring(STANDARD.length()) : name;
    if (bare.startsWith(NATIVE)) {
      return bare;
    }
    for (String s : STANDARD_NAMES) {
      if (s.equalsIgnoreCase(bare)) {
        return s;
      }
    }
    return NATIVE + bare;
  }

  static Map<String, List<String>> user(MacState state, Account u) {
    Map<String, List<String>> r = new LinkedHashMap<>();
    if (!u.system()) {
      for (String w : List.of("_writers_hint", "_writers_passwd", "_writers_picture", "_writers_UserCertificate")) {
        r.put(NATIVE + w, List.of(u.name()));
      }
      r.put(NATIVE + "accountPolicyData", List.of(accountPolicy(u)));
    }
    r.put(NATIVE + "record_daemon_version", List.of(daemonVersion(state.version())));
    if (u.hidden()) {
      r.put(NATIVE + "IsHidden", List.of("1"));
    }
    r.put("AppleMetaNodeLocation", List.of("/Local/Default"));
    if (!u.authenticationAuthority().isEmpty()) {
      r.put("AuthenticationAuthority", List.copyOf(u.authenticationAuthority()));
    }
    if (u.hint() != null) {
      r.put("AuthenticationHint", List.of(u.hint()));
    }
    r.put("GeneratedUID", List.of(u.generatedUid()));
    if (u.home() != null) {
      r.put("NFSHomeDirectory", List.of(u.home()));
    }
    r.put("Password", List.of(u.system() ? "*" : "********"));
    r.put("PrimaryGroupID", List.of(String.valueOf(u.gid())));
    r.put("RealName", List.of(u.realName()));
    r.put("RecordName", List.of(u.name()));
    r.put("RecordType", List.of("dsRecTypeStandard:Users"));
    r.put("UniqueID", List.of(String.valueOf(u.uid())));
    if (u.shell() != null) {
      r.put("UserShell", List.of(u.shell()));
    }
    u.attributes().forEach((k, v) -> r.put(canonical(k), List.copyOf(v)));
    return r;
  }

  static Map<String, List<String>> group(MacState state, GroupRecord g) {
    Map<String, List<String>> r = new LinkedHashMap<>();
    r.put(NATIVE + "record_daemon_version", List.of(daemonVersion(state.version())));
    r.put("AppleMetaNodeLocation", List.of("/Local/Default"));
    r.put("GeneratedUID", List.of(g.generatedUid()));
    if (!g.membership().isEmpty()) {
      List<String> uuids = new ArrayList<>();
      g.membership().forEach(m -> state.user(m).ifPresent(a -> uuids.add(a.generatedUid())));
      r.put("GroupMembers", uuids);
      r.put("GroupMembership", List.copyOf(g.membership()));
    }
    r.put("Password", List.of("*"));
    r.put("PrimaryGroupID", List.of(String.valueOf(g.gid())));
    r.put("RealName", List.of(g.realName()));
    r.put("RecordName", g.name().equals("admin") ? List.of("admin", "BUILTIN\\Administrators") : List.of(g.name()));
    r.put("RecordType", List.of("dsRecTypeStandard:Groups"));
    if (g.name().equals("admin")) {
      r.put("SMBSID", List.of("S-1-5-32-544"));
    }
    return r;
  }

  /** Prints the attributes in dscl's order. */
  static void print(PrintStream out, Map<String, List<String>> attributes) {
    attributes.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<String>> e) -> e.getKey().startsWith(NATIVE) ? 0 : 1)
            .thenComparing(e -> e.getKey().toLowerCase(Locale.ROOT)))
        .forEach(e -> printAttribute(out, e.getKey(), e.getValue()));
  }

  static void printAttribute(PrintStream out, String key, List<String> values) {
    boolean ownLines = values.stream().anyMatch(v -> v.contains(" ") || v.contains("\n"));
    StringBuilder line = new StringBuilder(key).append(':');
    if (ownLines) {
      values.forEach(v -> line.append("\n ").append(v));
    } else {
      line.append(' ').append(String.join(" ", values));
    }
    out.print(line.append('\n'));
  }

  /** The stored attribute named {@code wanted} (any prefix, any case), if the record has it. */
  static Optional<Map.Entry<String, List<String>>> find(Map<String, List<String>> record, String wanted) {
    return findCanonical(record, canonical(wanted));
  }

  /** {@link #find} of a name already made {@link #canonical} (dscl -list asks every record for the same one). */
  static Optional<Map.Entry<String, List<String>>> findCanonical(Map<String, List<String>> record, String name) {
    for (Map.Entry<String, List<String>> e : record.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String accountPolicy(Account u) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>creationTime</key>
        	<real>CREATED</real>
        	<key>failedLoginCount</key>
        	<integer>0</integer>
        	<key>failedLoginTimestamp</key>
        	<integer>0</integer>
        	<key>passwordLastSetTime</key>
        	<real>PASSWORD_SET</real>
        </dict>
        </plist>
        """.replace("CREATED", seconds(u.createdMillis())).replace("PASSWORD_SET", seconds(u.passwordSetMillis()));
  }

  /** {@code 1718000000.250} (String.format was a tenth of a facts script's dscl time). */
  static String seconds(long millis) {
    if (millis < 0) {
      return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
    String ms = Long.toString(millis % 1000);
    return millis / 1000 + "." + "000".substring(ms.length()) + ms;
  }

  /** dsAttrTypeNative:record_daemon_version by release (4890000 on 10.14, S75; 9040000 on 15, S64). */
  private static String daemonVersion(MacVersion v) {
    if (v.isTen()) {
      return switch (v.minor()) {
        case 13 -> "4850000";
        case 14 -> "4890000";
        default -> "5500000";
      };
    }
    return switch (v.major()) {
      case 11 -> "6100000";
      case 12 -> "6700000";
      case 13 -> "7500000";
      case 14 -> "8200000";
      case 15 -> "9040000";
      default -> "9500000";
    };
  }
}
