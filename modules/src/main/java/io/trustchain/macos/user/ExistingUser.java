package io.trustchain.macos.user;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.facts.Probes;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bringing an existing user to the document: attributes with dscl and dseditgroup, the Secure Token
 * with sysadminctl. Its password is never set (initial password only at creation) and its uid never
 * changed.
 */
final class ExistingUser {

  private ExistingUser() {}

  static Change plan(ResourceAddress address, UserParams p, UserFacts u, HostFacts facts, Credential credential)
      throws PlanException {
    String name = p.name();
    if (p.uid() != null && !p.uid().equals(u.uid())) {
      throw new PlanException(name + " has uid " + u.uid() + ", not " + p.uid()
          + ": trustchain does not renumber accounts", "remove uid: from this resource, or set it to " + u.uid());
    }
    UserAttributes before = UserAttributes.of(u).withPassword(p.password() != null);
    UserAttributes after = before;
    List<Command> commands = new ArrayList<>();
    List<Command> last = new ArrayList<>();
    List<String> why = new ArrayList<>();
    List<Guard> guards = new ArrayList<>();
    guards.add(Probes.accountExists(name));

    if (p.fullName() != null && !p.fullName().equals(u.realName())) {
      commands.add(UserCommands.setAttribute(name, "RealName", p.fullName()));
      after = after.set("full_name", p.fullName());
      why.add("full_name differs");
    }
    if (p.shell() != null && !p.shell().equals(u.shell())) {
      commands.add(UserCommands.setAttribute(name, "UserShell", p.shell()));
      after = after.set("shell", p.shell());
      why.add("shell differs");
    }
    if (p.hidden() != null && !p.hidden().equals(u.hidden())) {
      commands.add(UserCommands.setHidden(name, p.hidden()));
      after = after.set("hidden", p.hidden());
      why.add(name + (p.hidden() ? " is hidden from" : " is shown at") + " the login window");
    }
    if (p.admin() != null && !p.admin().equals(u.admin())) {
      after = after.set("admin", p.admin());
      guards.add(Probes.admin(name, u.admin()));
      if (p.admin()) {
        commands.add(UserCommands.addAdmin(name));
        why.add(name + " becomes an admin");
      } else {
        last.add(UserCommands.removeAdmin(name));
        why.add(name + " is no longer an admin");
      }
    }

    TokenStep step = TokenStep.decide(p, u, facts);
    String pendingReason = null;
    switch (step) {
      case TokenStep.Keep k -> { }
      case TokenStep.Grant g -> {
        requireCredential(credential, name);
        guards.add(Probes.secureToken(name, false));
        guards.add(Probes.passwordAuthenticates(name, p.password()));
        guards.add(Probes.disabledTag(name, g.removeTag()));
        guards.addAll(Probes.credential(credential.user(), credential.password(), facts));
        if (g.removeTag()) {
          commands.add(UserCommands.deleteDisabledTags(name));
        }
        commands.add(UserCommands.secureTokenOn(name, p.password(), credential));
        after = after.set("secure_token", true);
        why.add(name + " has no Secure Token: " + credential.user() + " grants it with " + possessive(name)
            + " password" + (g.removeTag() ? " (" + UserCommands.DISABLED_TAGS + " removed first)" : ""));
      }
      case TokenStep.AtNextLogin n -> {
        pendingReason = "macOS grants " + name + " a Secure Token at " + possessive(name)
            + " next login (Bootstrap Token escrowed)";
        if (n.removeTag()) {
          guards.add(Probes.disabledTag(name, true));
          commands.add(UserCommands.deleteDisabledTags(name));
          why.add(UserCommands.DISABLED_TAGS + " is removed so that " + pendingReason);
        }
      }
      case TokenStep.Revoke r -> {
        requireCredential(credential, name);
        guards.add(Probes.secureToken(name, true));
        guards.add(Probes.passwordAuthenticates(name, p.password()));
        guards.addAll(Probes.credential(credential.user(), credential.password(), facts));
        commands.add(UserCommands.secureTokenOff(name, p.password(), credential));
        if (r.addTag()) {
          commands.add(UserCommands.appendDisabledTags(name));
        }
        after = after.set("secure_token", false);
        why.add(name + " holds a Secure Token and must not: revoked with " + possessive(name) + " password"
            + (r.addTag() ? ", then " + UserCommands.DISABLED_TAGS + " so macOS never grants it again" : ""));
      }
      case TokenStep.AddTag t -> {
        guards.add(Probes.disabledTag(name, false));
        commands.add(UserCommands.appendDisabledTags(name));
        why.add(UserCommands.DISABLED_TAGS + " is set so macOS never grants " + name + " a Secure Token");
      }
    }
    commands.addAll(last);

    if (!commands.isEmpty()) {
      return new Change.Update(address, before.build(), after.build(), commands, String.join("; ", why), guards);
    }
    if (pendingReason != null) {
      return new Change.Pending(address, before.build(), after.set("secure_token", true).build(), pendingReason);
    }
    return new Change.NoOp(address, before.build(), name + " matches the document");
  }

  private static void requireCredential(Credential credential, String name) throws PlanException {
    if (credential == null) {
      throw new PlanException("changing " + possessive(name) + " Secure Token needs the play's management credential",
          "name the credential (credential: {user: …, password: !secret …}) in the play");
    }
    Objects.requireNonNull(credential.password(), "credential.password == null");
  }
}
