package io.trustchain.macos.bootstrap;

import io.trustchain.facts.BootstrapTokenFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Known;
import io.trustchain.facts.Probes;
import io.trustchain.facts.MdmFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.passwords.BootstrapTokenPrompt;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.ResourceModule;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code bootstrap_token} resource (singleton): the Bootstrap Token escrowed to the MDM server by
 * the credential (macos-reference §3.2, rule 6) and validated, or, on a Mac where nobody holds a
 * Secure Token yet, pending until macOS escrows it at the first token holder's login (10.15.4+).
 * When the Mac cannot have one (not enrolled, not supervised, server without support), the plan says
 * exactly that and the host is not changed.
 */
public final class BootstrapTokenModule implements ResourceModule<BootstrapTokenParams> {

  @Override
  public String name() {
    return "bootstrap_token";
  }

  @Override
  public Class<BootstrapTokenParams> paramsType() {
    return BootstrapTokenParams.class;
  }

  @Override
  public String resourceName(BootstrapTokenParams params) {
    return "main";
  }

  @Override
  public Change plan(ResourceAddress address, BootstrapTokenParams p, PlanContext ctx) throws PlanException {
    HostFacts facts = ctx.facts();
    BootstrapTokenFacts bt = facts.bootstrapToken() == null ? new BootstrapTokenFacts(false, false)
        : facts.bootstrapToken();
    Attributes before = attributes(bt);
    if (!p.escrowed()) {
      if (!bt.escrowed()) {
        return new Change.NoOp(address, before, "no Bootstrap Token is escrowed");
      }
      return new Change.Delete(address, before, List.of(Command.of("profiles", "remove", "-type", "bootstraptoken")),
          "the document says escrowed: false: the Bootstrap Token is removed from the Mac and the MDM server"
              + " (macOS then grants no Secure Token at login from it)", List.of(Probes.bootstrapEscrowed(true)));
    }
    Optional<String> obstacle = Supervision.obstacle(facts);
    if (obstacle.isPresent()) {
      throw new PlanException("no Bootstrap Token can be escrowed: " + obstacle.get(),
          "enroll the Mac in an MDM that supervises it and supports Bootstrap Tokens, or remove this resource");
    }
    if (bt.escrowed()) {
      return new Change.NoOp(address, before, "the Bootstrap Token is escrowed to the MDM server");
    }
    Attributes after = attributes(new BootstrapTokenFacts(true, true));
    boolean nobodyHasAToken = Known.noneMatch(facts.users(), UserFacts::secureToken);
    if (nobodyHasAToken) {
      if (autoEscrows(facts)) {
        return new Change.Pending(address, before, after, "nobody holds a Secure Token yet: macOS escrows the"
            + " Bootstrap Token at the first login of a token holder (macOS 10.15.4+, supervised)");
      }
      throw new PlanException("nobody on this Mac holds a Secure Token, so nobody can escrow a Bootstrap Token",
          "log in once as the first user (the first login takes the first Secure Token), then plan again");
    }
    Credential c = ctx.credential();
    if (c == null) {
      throw new PlanException("escrowing the Bootstrap Token needs the play's management credential",
          "name the credential (credential: {user: …, password: !secret …}) in the play");
    }
    List<Command> commands = List.of(
        BootstrapTokenPrompt.install(c),
        // no prompt is documented for validate: the password is an argument of this one command (README's table)
        Command.of("profiles", "validate", "-type", "bootstraptoken", "-user", c.user(), "-password")
            .withSecret(c.password()));
    List<Guard> guards = new java.util.ArrayList<>(List.of(Probes.bootstrapEscrowed(false)));
    guards.addAll(Probes.credential(c.user(), c.password(), facts));
    return new Change.Update(address, before, after, commands, "the MDM server supports Bootstrap Tokens and holds"
        + " none for this Mac: " + c.user() + " escrows it (profiles install -type bootstraptoken), then validates it",
        guards);
  }

  @Override
  public HostFacts project(HostFacts facts, BootstrapTokenParams p, Change change) {
    return switch (change) {
      case Change.Update u -> facts.withBootstrapToken(new BootstrapTokenFacts(true, true));
      case Change.Delete d -> facts.withBootstrapToken(new BootstrapTokenFacts(
          facts.bootstrapToken() != null && facts.bootstrapToken().supported(), false));
      default -> facts;
    };
  }

  /** 10.15.4+ escrows at a token holder's login when user approved (or ADE) and supervised (rule 6). */
  private static boolean autoEscrows(HostFacts facts) {
    MdmFacts mdm = facts.mdm();
    return facts.os().atLeast(10, 15, 4) && mdm != null && (mdm.userApproved() || mdm.dep());
  }

  private static Attributes attributes(BootstrapTokenFacts bt) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("supported", bt.supported());
    a.put("escrowed", bt.escrowed());
    return Attributes.of(a);
  }
}
