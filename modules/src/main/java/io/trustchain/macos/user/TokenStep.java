package io.trustchain.macos.user;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.facts.BootstrapTokenFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.platform.Platform;
import io.trustchain.plan.PlanException;

/**
 * What must happen to an existing user's Secure Token (macos-reference.md §8 rules 1, 6, 7). Pure:
 * the planner and the projection compute the same step from the same facts.
 */
sealed interface TokenStep {

  /** Nothing to do. */
  record Keep() implements TokenStep {}

  /** {@code sysadminctl -secureTokenOn} with the user's password, after removing the DisabledTags marker. */
  record Grant(boolean removeTag) implements TokenStep {}

  /** macOS grants it at the user's next login (escrowed Bootstrap Token, macOS 11+). */
  record AtNextLogin(boolean removeTag) implements TokenStep {}

  /** {@code sysadminctl -secureTokenOff} with the user's password, then the marker on 11+. */
  record Revoke(boolean addTag) implements TokenStep {}

  /** The user holds no token and must never get one: the marker on 11+. */
  record AddTag() implements TokenStep {}

  static TokenStep decide(UserParams p, UserFacts u, HostFacts facts) throws PlanException {
    if (p.secureToken() == null) {
      return new Keep();
    }
    boolean modern = Platform.bigSurOrLater(facts);
    String name = p.name();
    if (p.secureToken()) {
      if (u.secureToken()) {
        return new Keep();
      }
      if (p.password() != null) {
        return new Grant(u.secureTokenDisabledTag());
      }
      BootstrapTokenFacts bt = facts.bootstrapToken();
      boolean escrowed = bt != null && bt.escrowed();
      if (escrowed && modern) {
        return new AtNextLogin(u.secureTokenDisabledTag());
      }
      if (escrowed) {
        throw new PlanException(name + " has no Secure Token, and on macOS " + facts.os().version()
            + " the Bootstrap Token grants one only to mobile accounts and the managed administrator, not to "
            + name, "give " + possessive(name) + " password (password: !secret …) so trustchain grants it with"
            + " sysadminctl -secureTokenOn; macOS 11 and later grant it to any user at login");
      }
      throw new PlanException(name + " has no Secure Token and trustchain cannot grant one without "
          + possessive(name) + " password",
          "give " + possessive(name) + " password (password: !secret …), or escrow a Bootstrap Token (macOS 11+)"
              + " so macOS grants it at " + possessive(name) + " next login");
    }
    if (u.secureToken()) {
      if (p.password() == null) {
        throw new PlanException(name + " holds a Secure Token and revoking it needs " + possessive(name)
            + " password", "give " + possessive(name) + " password (password: !secret …), or drop secure_token: false");
      }
      return new Revoke(modern && !u.secureTokenDisabledTag());
    }
    return modern && !u.secureTokenDisabledTag() ? new AddTag() : new Keep();
  }

}
