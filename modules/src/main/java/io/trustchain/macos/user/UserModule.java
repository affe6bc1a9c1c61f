package io.trustchain.macos.user;

import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.Probes;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.spi.MacNames;
import io.trustchain.spi.ManagedAccount;
import io.trustchain.spi.ParamProblem;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.ResourceModule;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code user} resource: a local account, present or absent, with its attributes and its
 * Secure Token. The management credential is never modified (safety invariant 2).
 */
public final class UserModule implements ResourceModule<UserParams> {

  @Override
  public String name() {
    return "user";
  }

  @Override
  public Class<UserParams> paramsType() {
    return UserParams.class;
  }

  @Override
  public String resourceName(UserParams params) {
    return params.name();
  }

  @Override
  public List<ParamProblem> check(UserParams p) {
    List<ParamProblem> problems = new ArrayList<>();
    MacNames.shortName(p.name()).ifPresent(why -> problems.add(new ParamProblem("name", why,
        MacNames.SHORT_NAME_HINT)));
    if (p.fullName() != null) {
      MacNames.fullName(p.fullName()).ifPresent(why -> problems.add(ParamProblem.of("full_name", why)));
    }
    if (p.isAbsent()) {
      Map<String, Object> ignored = new java.util.LinkedHashMap<>();
      ignored.put("full_name", p.fullName());
      ignored.put("admin", p.admin());
      ignored.put("hidden", p.hidden());
      ignored.put("shell", p.shell());
      ignored.put("uid", p.uid());
      ignored.put("password", p.password());
      ignored.put("secure_token", p.secureToken());
      ignored.put("managed_password", p.managedPassword());
      ignored.forEach((key, value) -> {
        if (value != null) {
          problems.add(new ParamProblem(key, key + " has no effect with state: absent", "remove it"));
        }
      });
    } else if (p.removeHome()) {
      problems.add(new ParamProblem("remove_home", "remove_home applies only with state: absent", "remove it"));
    }
    ManagedPasswordChecks.check(p, problems);
    if (p.uid() != null && p.uid() < 1) {
      problems.add(ParamProblem.of("uid", "uid must be a positive number, not " + p.uid()));
    }
    if (p.shell() != null) {
      MacNames.absolutePath(p.shell()).ifPresent(why -> problems.add(new ParamProblem("shell",
          "shell must be an absolute path: " + why, "for example /bin/zsh")));
    }
    return problems;
  }

  /** The account; its token as declared (absent: none); its password is held when the document gives it. */
  @Override
  public List<ManagedAccount> accounts(UserParams p) {
    SecretRef password = p.isAbsent() ? null : p.password() != null ? p.password()
        : p.managedPassword() == null ? null
        : p.managedPassword().value() != null ? p.managedPassword().value() : new SecretRef.Escrow("managed:" + p.name());
    return List.of(new ManagedAccount(p.name(), p.isAbsent() ? Boolean.FALSE : p.secureToken(), password));
  }

  /**
   * The account itself (read even below uid 500). Its password is never tried while reading facts: only a
   * change that needs it checks it, first thing in its exec (a wrong one stops the change, nothing changed).
   */
  @Override
  public FactsRequest needs(UserParams p) {
    if (p.managedPassword() == null || p.isAbsent()) {
      return new FactsRequest(Set.of(p.name()), Map.of());
    }
    // A declared managed password is the one exception: a value that no longer opens the account is drift
    // (issue 9), so the facts try it (on stdin); an escrowed one is tried from escrow (FactsGatherer).
    SecretRef declared = p.managedPassword().value();
    return new FactsRequest(Set.of(p.name()), declared == null ? Map.of() : Map.of(p.name(), declared))
        .managingPasswords(Set.of(p.name()));
  }

  @Override
  public Change plan(ResourceAddress address, UserParams p, PlanContext ctx) throws PlanException {
    Credential credential = ctx.credential();
    HostFacts facts = ctx.facts();
    Optional<UserFacts> current = facts.user(p.name());
    if (credential != null && credential.user().equals(p.name())) {
      return CredentialGuard.plan(address, p, current);
    }
    if (p.isAbsent()) {
      if (current.isEmpty()) {
        return new Change.NoOp(address, UserAttributes.missing(p.name()).build(), p.name() + " does not exist");
      }
      if (credential == null) {
        throw new PlanException("removing " + p.name() + " needs the play's management credential",
            "name the credential (credential: {user: …, password: !secret …}) in the play");
      }
      List<Guard> guards = new ArrayList<>();
      guards.add(Probes.accountExists(p.name()));
      guards.add(Probes.secureToken(p.name(), current.get().secureToken()));
      guards.addAll(Probes.credential(credential.user(), credential.password(), facts));
      return new Change.Delete(address, UserAttributes.of(current.get()).build(),
          List.of(UserCommands.deleteUser(p.name(), p.removeHome(), credential)),
          p.name() + " exists and the document says absent; " + (p.removeHome()
              ? "its home folder is securely erased (remove_home: true)"
              : "its home folder is kept (remove_home: true erases it)"), guards);
    }
    if (p.managedPassword() != null) {
      return current.isEmpty() ? ManagedUser.created(ctx.host(), address, p, facts, credential)
          : ManagedUser.existing(ctx.host(), address, p, current.get(), facts, credential);
    }
    if (current.isEmpty()) {
      return NewUser.plan(address, p, facts, credential);
    }
    return ExistingUser.plan(address, p, current.get(), facts, credential);
  }

  @Override
  public HostFacts project(HostFacts facts, UserParams p, Change change) {
    HostFacts projected = projectUser(facts, p, change);
    return p.managedPassword() == null || !change.action().isChange() ? projected
        : ManagedPasswordProjection.settled(projected, p.name());
  }

  private HostFacts projectUser(HostFacts facts, UserParams p, Change change) {
    return switch (change) {
      case Change.NoOp n -> facts;
      case Change.Pending n -> facts;
      case Change.Delete d -> facts.withoutUser(p.name());
      case Change.Create c -> facts.withUser(UserProjection.created(p, facts));
      case Change.Update u -> facts.user(p.name()).map(before -> {
        try {
          return facts.withUser(UserProjection.updated(p, before, TokenStep.decide(p, before, facts)));
        } catch (PlanException e) {
          return facts; // cannot happen: plan() decided the same step from the same facts
        }
      }).orElse(facts);
    };
  }
}
