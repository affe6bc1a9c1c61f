package io.trustchain.facts;

import io.trustchain.facts.CryptoUsersParser.CryptoUsers;
import io.trustchain.facts.DsclRecordParser.DsclRecord;
import io.trustchain.facts.SecureTokenStatusParser.TokenStatus;
import io.trustchain.facts.UserListParser.ListedUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code users} section: the account listing, the admin group, and per account its record,
 * its Secure Token status and (when asked) its password check. An account whose record or token
 * answer is not understood is still listed, with what is known; members of the admin group that name
 * no local account are unmatched entries.
 */
final class UsersReader {

  /** Attribute of {@code dscl . -read} → the user fields it gives. */
  private static final Map<String, List<String>> FIELDS = Map.of(
      "UniqueID", List.of("uid"),
      "RealName", List.of("real_name"),
      "GeneratedUID", List.of("generated_uid", "volume_owner"),
      "NFSHomeDirectory", List.of("home"),
      "UserShell", List.of("shell"),
      "AuthenticationAuthority", List.of("authentication_authority", "secure_token_disabled_tag", "disabled"),
      "IsHidden", List.of("hidden"));
  /** Attributes with one value (a second one makes the value ambiguous). */
  private static final List<String> SINGLE = List.of("UniqueID", "RealName", "GeneratedUID", "NFSHomeDirectory",
      "UserShell", "IsHidden");
  private static final Set<String> TRUE = Set.of("1", "yes", "true");
  private static final Set<String> FALSE = Set.of("0", "no", "false");

  private final FactsSections s;
  private final FactsRequest request;
  /** Every account the listing names, any uid; empty when it was not read. */
  private final Set<String> local = new HashSet<>();

  UsersReader(FactsSections s, FactsRequest request) {
    this.s = s;
    this.request = request;
  }

  /** Whether {@code name} is a local account, as far as the listing says. */
  boolean local(String name) {
    return local.contains(name);
  }

  List<UserFacts> read(CryptoUsers crypto) {
    List<ListedUser> listed = s.parse(FactsScript.USERS, "users", f -> List.of("users"), UserListParser::parse,
        List.of());
    listed.forEach(u -> local.add(u.name()));
    Set<String> admins = admins();
    TreeSet<String> names = new TreeSet<>(request.namedUsers());
    names.addAll(request.passwordsToCheck().keySet());
    listed.stream().filter(u -> u.uid() >= FactsScript.MIN_HUMAN_UID).forEach(u -> names.add(u.name()));
    List<UserFacts> users = new ArrayList<>();
    for (String name : names) {
      user(name, admins, crypto).ifPresent(users::add);
    }
    users.sort(Comparator.comparing(UserFacts::name));
    return users;
  }

  private Set<String> admins() {
    Function<String, List<String>> paths = f -> f.equals(Reading.ALL) || f.equals("GroupMembership")
        ? List.of("users[*].admin") : List.of();
    Reading r = s.reading(FactsScript.ADMINS, "users", List.of("users[*].admin"));
    if (r == null) {
      return Set.of();
    }
    Optional<DsclRecord> group = DsclRecordParser.parse(r);
    if (group.isEmpty()) {
      r.output("the admin group does not exist", "GroupMembership");
    } else if (!group.get().attributes().containsKey("GroupMembership")
        && !group.get().missing().contains("GroupMembership") && r.sure("GroupMembership") && r.sure(Reading.ALL)) {
      r.output("no GroupMembership line", "GroupMembership");
    }
    s.keep(r, "users", paths);
    Set<String> admins = new HashSet<>(group.map(g -> g.values("GroupMembership")).orElse(List.of()));
    if (s.known("users")) {
      for (String member : new TreeSet<>(admins)) {
        if (!local.contains(member)) {
          s.unmatched("users", FactsScript.ADMINS, member, "is in the admin group but names no local account");
        }
      }
    }
    return admins;
  }

  private Optional<UserFacts> user(String name, Set<String> admins, CryptoUsers crypto) {
    Function<String, List<String>> paths = f -> f.equals(Reading.ALL) ? List.of(FactPaths.user(name))
        : FIELDS.getOrDefault(f, List.of()).stream().map(x -> FactPaths.user(name, x)).toList();
    Reading rec = s.reading(FactsScript.USER + name, "users", List.of(FactPaths.user(name)));
    Optional<DsclRecord> record = rec == null ? Optional.of(new DsclRecord(Map.of(), Set.of()))
        : DsclRecordParser.parse(rec);
    TokenStatus token = s.parse(FactsScript.TOKEN + name, "users",
        f -> List.of(FactPaths.user(name, "secure_token")), SecureTokenStatusParser::parse, TokenStatus.UNREAD);
    if (record.isEmpty()) {
      if (token == TokenStatus.ENABLED || token == TokenStatus.DISABLED) {
        s.conflict(rec, "users", "dscl has no record of " + name + " but sysadminctl answers for it",
            FactPaths.user(name));
        return Optional.of(new UserFacts(name, null, null, null, null, null, null, null, null, null, null, null,
            List.of(), null));
      }
      return Optional.empty(); // a named account that does not exist (S72; sysadminctl says Unknown user)
    }
    DsclRecord r = record.get();
    if (rec != null) {
      for (String attribute : SINGLE) {
        if (r.values(attribute).size() > 1) {
          rec.output(attribute + " has " + r.values(attribute).size() + " values where one is expected", attribute);
        }
      }
      for (String attribute : FIELDS.keySet()) {
        boolean said = r.attributes().containsKey(attribute)
            || (r.missing().contains(attribute) && !attribute.equals("UniqueID"));
        if (!said && rec.sure(attribute) && rec.sure(Reading.ALL)) {
          rec.output("no " + attribute + " line", attribute);
        }
      }
    }
    if (token == TokenStatus.UNKNOWN_USER) {
      s.conflict(s.reading(FactsScript.TOKEN + name, "users", List.of()), "users",
          "sysadminctl does not know " + name + " but dscl has its record", FactPaths.user(name, "secure_token"));
    }
    Integer uid = number(rec, r.first("UniqueID"));
    List<String> authority = r.values("AuthenticationAuthority");
    boolean disabledTag = authority.stream().anyMatch(a -> a.startsWith(";DisabledTags;")
        && List.of(a.substring(";DisabledTags;".length()).split(";")).contains("SecureToken"));
    boolean disabled = authority.stream().anyMatch(a -> a.equals(";DisabledUser;") || a.equals("DisabledUser"));
    Boolean hidden = hidden(rec, r.first("IsHidden"));
    String guid = r.first("GeneratedUID");
    Boolean owner = null;
    if (crypto.ownershipReported()) {
      CryptoUsersParser.CryptoUser entry = crypto.find(guid);
      owner = entry != null && Boolean.TRUE.equals(entry.volumeOwner());
    }
    Boolean authenticates = null;
    if (request.passwordsToCheck().containsKey(name)) {
      authenticates = s.parse(FactsScript.AUTH + name, "users",
          f -> List.of(FactPaths.user(name, "password_authenticates")), PasswordCheckParser::parse, null);
    }
    if (rec != null) {
      s.keep(rec, "users", paths);
    }
    Boolean tokenValue = token == TokenStatus.ENABLED ? Boolean.TRUE : token == TokenStatus.DISABLED ? Boolean.FALSE
        : null;
    return Optional.of(new UserFacts(name, uid, r.first("RealName"),
        guid == null ? null : guid.toUpperCase(Locale.ROOT), admins.contains(name), tokenValue, disabledTag, owner,
        r.first("UserShell"), r.first("NFSHomeDirectory"), hidden, disabled, authority, authenticates));
  }

  private static Integer number(Reading rec, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      if (rec != null) {
        rec.line("stdout", "UniqueID: " + text, "the uid is not a number", "UniqueID");
      }
      return null;
    }
  }

  private static Boolean hidden(Reading rec, String text) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    if (TRUE.contains(t)) {
      return true;
    }
    if (FALSE.contains(t)) {
      return false;
    }
    if (rec != null) {
      rec.line("stdout", "IsHidden: " + text, "not a yes/no value", "IsHidden");
    }
    return null;
  }
}
