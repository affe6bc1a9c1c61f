package io.trustchain.macos.user;

import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A user as the plan shows it: name, full_name, admin, hidden, shell, uid, secure_token, state, and
 * password only as the sensitive marker {@code (set)}.
 */
final class UserAttributes {

  static final String PASSWORD_MARKER = "(set)";

  private final Map<String, Object> values = new LinkedHashMap<>();
  private boolean password;

  private UserAttributes() {}

  /** An existing account, as read. */
  static UserAttributes of(UserFacts u) {
    UserAttributes a = new UserAttributes();
    a.values.put("name", u.name());
    a.values.put("full_name", u.realName());
    a.values.put("admin", u.admin());
    a.values.put("hidden", u.hidden());
    a.values.put("shell", u.shell());
    a.values.put("uid", u.uid());
    a.values.put("secure_token", u.secureToken());
    a.values.put("state", "present");
    return a;
  }

  /** An account about to be created: what the document says, nothing macOS has not told us. */
  static UserAttributes created(UserParams p, boolean secureToken) {
    UserAttributes a = new UserAttributes();
    a.values.put("name", p.name());
    a.values.put("full_name", p.fullName());
    a.values.put("admin", Boolean.TRUE.equals(p.admin()));
    a.values.put("hidden", Boolean.TRUE.equals(p.hidden()));
    a.values.put("shell", p.shell());
    a.values.put("uid", p.uid());
    a.values.put("secure_token", secureToken);
    a.values.put("state", "present");
    a.password = p.password() != null;
    return a;
  }

  /** An account that does not exist. */
  static UserAttributes missing(String name) {
    UserAttributes a = new UserAttributes();
    a.values.put("name", name);
    a.values.put("state", "absent");
    return a;
  }

  UserAttributes set(String key, Object value) {
    UserAttributes a = copy();
    a.values.put(key, value);
    return a;
  }

  /** With the password marker, when the document gives a password. */
  UserAttributes withPassword(boolean given) {
    UserAttributes a = copy();
    a.password = given;
    return a;
  }

  Attributes build() {
    Map<String, Object> out = new LinkedHashMap<>(values);
    if (password) {
      out.put("password", PASSWORD_MARKER);
      return new Attributes(out, Set.of("password"));
    }
    return new Attributes(out, Set.of());
  }

  private UserAttributes copy() {
    UserAttributes a = new UserAttributes();
    a.values.putAll(values);
    a.password = password;
    return a;
  }
}
