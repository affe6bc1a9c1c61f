package io.trustchain.macos.user;

import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.ManagedPasswords;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user with a managed password: the password's own change ({@link ManagedPasswordPlan}) first, then the rest
 * of the user planned as usual with the managed password as its password (read from escrow when a command needs
 * it: a token grant after a rotation reads the promoted one, since a promotion ends its exec).
 */
final class ManagedUser {

  private ManagedUser() {}

  static Change existing(String host, ResourceAddress address, UserParams p, UserFacts u, HostFacts facts,
      Credential credential) throws PlanException {
    ManagedPasswordPlan.Outcome out = ManagedPasswordPlan.decide(host, p, u, facts, credential);
    UserParams withPassword = asPassword(host, p, out, facts);
    Change rest = ExistingUser.plan(address, withPassword, withAuthentication(p, u, out, facts), facts, credential);
    // the rest's check of the managed password would run before the rotation sets it: the rotation checks it itself
    Guard ownPassword = withPassword.password() == null ? null
        : io.trustchain.facts.Probes.passwordAuthenticates(p.name(), withPassword.password());
    return merge(address, rest, out, ownPassword);
  }

  /** A new user: created with its new managed password (kept in escrow as pending first), then promoted. */
  static Change created(String host, ResourceAddress address, UserParams p, HostFacts facts, Credential credential)
      throws PlanException {
    if (facts.escrow() == null || facts.escrow().store() == null) {
      throw new PlanException(p.name() + "'s managed password goes to the play's escrow store, and none is configured",
          "add escrow: {store: vault, path: ../escrow} to the play");
    }
    SecretRef pending = ManagedPasswordPlan.pendingRef(host, p.name());
    Change.Create create = (Change.Create) NewUser.plan(address, p.withPassword(pending), facts, credential);
    ManagedPasswordParams m = p.managedPassword();
    List<Command> commands = new ArrayList<>();
    commands.add(Command.escrow(new io.trustchain.transport.EscrowStep.Keep(ManagedPasswords.pending(p.name()),
        p.name(), m.value(), m.generated() ? new io.trustchain.transport.EscrowStep.PasswordRule(m.lengthOrDefault(),
            m.charactersOrDefault()) : null, facts.clock())));
    commands.addAll(create.commands());
    commands.add(PasswordCommands.verify(p.name(), pending));
    commands.add(Command.escrow(new io.trustchain.transport.EscrowStep.Promote(ManagedPasswords.pending(p.name()),
        ManagedPasswords.current(p.name()))));
    return new Change.Create(address, create.after(), commands, create.reason() + "; its managed password is "
        + (m.generated() ? "generated and " : "") + "kept in escrow as pending (read back) before the account is"
        + " made, and promoted once the Mac accepts it", create.guards());
  }

  /** The escrowed managed password once the change has run (the promoted one), or the document's value. */
  private static UserParams asPassword(String host, UserParams p, ManagedPasswordPlan.Outcome out, HostFacts facts) {
    if (p.managedPassword().value() != null) {
      return p.withPassword(p.managedPassword().value());
    }
    EscrowedItem current = facts.escrow().item(ManagedPasswords.current(p.name())).orElse(EscrowedItem.missing());
    boolean promoted = out.commands().stream().anyMatch(c -> c.escrowStep()
        instanceof io.trustchain.transport.EscrowStep.Promote);
    return current.isEscrowed() || promoted ? p.withPassword(ManagedPasswordPlan.currentRef(host, p.name())) : p;
  }

  /** Whether that password opens the account once the change has run. */
  private static UserFacts withAuthentication(UserParams p, UserFacts u, ManagedPasswordPlan.Outcome out,
      HostFacts facts) {
    Boolean ok;
    if (!out.commands().isEmpty()) {
      ok = Boolean.TRUE; // the change ends with the password the Mac was seen to accept, promoted
    } else if (p.managedPassword().value() != null) {
      ok = u.passwordAuthenticates();
    } else {
      ok = facts.escrow().item(ManagedPasswords.current(p.name())).map(EscrowedItem::authenticates).orElse(null);
    }
    return new UserFacts(u.name(), u.uid(), u.realName(), u.generatedUid(), u.admin(), u.secureToken(),
        u.secureTokenDisabledTag(), u.volumeOwner(), u.shell(), u.home(), u.hidden(), u.disabled(),
        u.authenticationAuthority(), ok);
  }

  private static Change merge(ResourceAddress address, Change rest, ManagedPasswordPlan.Outcome out,
      Guard ownPassword) {
    if (out.commands().isEmpty()) {
      return rest instanceof Change.NoOp n ? new Change.NoOp(address, n.current(), n.reason() + "; " + out.settled())
          : rest;
    }
    List<Command> commands = new ArrayList<>(out.commands());
    commands.addAll(rest.commands());
    String password = out.rotates() ? "(new)" : "(set)";
    List<Guard> guards = new ArrayList<>(out.guards());
    if (rest instanceof Change.Update r) {
      r.guards().stream().filter(g -> !guards.contains(g) && (out.commands().isEmpty() || !g.equals(ownPassword)))
          .forEach(guards::add);
    }
    return switch (rest) {
      case Change.Update r -> new Change.Update(address, r.before(), marked(r.after(), password), commands,
          out.reason() + "; " + r.reason(), guards);
      case Change.NoOp r -> new Change.Update(address, r.current(), marked(r.current(), password), commands,
          out.reason(), guards);
      case Change.Pending r -> new Change.Update(address, r.before(), marked(r.before(), password), commands,
          out.reason() + "; " + r.reason(), guards);
      default -> rest;
    };
  }

  /** {@code password: (new)} where the document's password marker is: the way-in check sees a password change. */
  private static Attributes marked(Attributes a, String password) {
    Map<String, Object> values = new LinkedHashMap<>(a.values());
    values.put("password", password);
    Set<String> sensitive = new java.util.HashSet<>(a.sensitive());
    sensitive.add("password");
    return new Attributes(values, sensitive);
  }
}
