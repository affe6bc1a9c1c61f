package io.trustchain.macos.safety;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What keeps an account a way into a Mac (safety invariant 7): it exists, is an admin (on macOS, sudo comes
 * from the admin group: {@code %admin ALL=(ALL) ALL}), is not disabled ({@code ;DisabledUser;}) and has a
 * login shell (sshd runs every command through it). Its SSH key authorisation lives in its home folder, which
 * only removing the account can take (trustchain manages no authorized_keys).
 */
final class WayIn {

  /** Shells that refuse every login, remote commands included. */
  static final Set<String> NO_LOGIN = Set.of("/usr/bin/false", "/bin/false", "/sbin/nologin", "/usr/sbin/nologin");

  static final String NAME = "safety invariant 7 (the way in)";

  private WayIn() {}

  /** How {@code after} loses what {@code before} gave as a way in; empty when nothing is lost. */
  static List<String> losses(UserFacts before, Optional<UserFacts> after) {
    List<String> lost = new ArrayList<>();
    if (after.isEmpty()) {
      lost.add("remove " + before.name() + (before.home() == null ? "" : " (and its SSH key authorisation)"));
      return lost;
    }
    UserFacts a = after.get();
    if (before.admin() && !a.admin()) {
      lost.add("take " + before.name() + "'s admin rights, and with them its sudo");
    }
    if (!before.disabled() && a.disabled()) {
      lost.add("disable " + before.name());
    }
    if (loginShell(before.shell()) && !loginShell(a.shell())) {
      lost.add("give " + before.name() + " the shell " + a.shell() + ", which refuses SSH logins");
    }
    return lost;
  }

  static boolean loginShell(String shell) {
    return shell == null || !NO_LOGIN.contains(shell);
  }

  /** Another account that would still let an admin in: an enabled admin with a login shell. */
  static Optional<String> another(HostFacts projected, String except) {
    return projected.users().stream()
        .filter(u -> !u.name().equals(except) && u.admin() && !u.disabled() && loginShell(u.shell()))
        .map(UserFacts::name).findFirst();
  }
}
