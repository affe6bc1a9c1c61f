package io.trustchain.macos.user;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.platform.Platform;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.facts.Probes;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating a user that does not exist. With a password and the credential (a token-holding admin),
 * sysadminctl gives the user a Secure Token at creation (S6, S12, §7). A user that must not get
 * one is created without the credential; on macOS 11+ it gets {@code ;DisabledTags;SecureToken}
 * before its password is first set (Apple's documented step, S69).
 */
final class NewUser {

  private NewUser() {}

  /** Whether the user will hold a token once created (same rule as {@link #plan}). */
  static boolean tokenAtCreation(UserParams p) {
    return !Boolean.FALSE.equals(p.secureToken()) && p.password() != null;
  }

  /** Whether the user gets the DisabledTags marker at creation. */
  static boolean tagAtCreation(UserParams p, HostFacts facts) {
    return Boolean.FALSE.equals(p.secureToken()) && Platform.bigSurOrLater(facts);
  }

  static Change plan(ResourceAddress address, UserParams p, HostFacts facts, Credential credential)
      throws PlanException {
    String name = p.name();
    if (p.uid() != null) {
      for (UserFacts other : facts.users()) {
        if (p.uid().equals(other.uid())) {
          throw new PlanException("uid " + p.uid() + " is already used by " + other.name(),
              "choose another uid, or leave uid: out and macOS picks the next free one");
        }
      }
    }
    if (Boolean.TRUE.equals(p.secureToken()) && p.password() == null) {
      throw new PlanException("creating " + name + " with a Secure Token needs " + possessive(name) + " password",
          "give " + possessive(name) + " initial password (password: !secret …); trustchain sets it only at creation");
    }
    List<Command> commands = new ArrayList<>();
    List<Guard> guards = new ArrayList<>();
    guards.add(Probes.accountMissing(name));
    String reason;
    if (tokenAtCreation(p)) {
      if (credential == null) {
        throw new PlanException("creating " + name + " with a Secure Token needs the play's management credential",
            "name the credential (credential: {user: …, password: !secret …}) in the play");
      }
      guards.addAll(Probes.credential(credential.user(), credential.password(), facts));
      commands.add(UserCommands.addUser(p, p.password(), credential));
      reason = name + " does not exist; created with the management credential " + credential.user()
          + ", so macOS gives " + name + " a Secure Token at creation";
    } else if (tagAtCreation(p, facts)) {
      commands.add(UserCommands.addUser(p, null, null));
      commands.add(UserCommands.appendDisabledTags(name));
      if (p.password() != null) {
        commands.add(UserCommands.setPassword(name, p.password()));
      }
      reason = name + " does not exist; " + UserCommands.DISABLED_TAGS + " is set before " + possessive(name)
          + " password so macOS never grants " + name + " a Secure Token";
    } else if (Boolean.FALSE.equals(p.secureToken())) {
      commands.add(UserCommands.addUser(p, p.password(), null));
      reason = name + " does not exist; created without the management credential, so " + name
          + " gets no Secure Token";
    } else {
      commands.add(UserCommands.addUser(p, null, null));
      reason = name + " does not exist; created without a password, so " + name
          + " has no Secure Token until one is granted";
    }
    if (Boolean.TRUE.equals(p.hidden())) {
      commands.add(UserCommands.setHidden(name, true));
    }
    return new Change.Create(address, UserAttributes.created(p, tokenAtCreation(p)).build(), commands, reason,
        guards);
  }
}
