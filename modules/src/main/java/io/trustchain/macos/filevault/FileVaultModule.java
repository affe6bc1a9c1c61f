package io.trustchain.macos.filevault;

import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.spi.Credential;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.ParamProblem;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.ResourceModule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filevault} resource (singleton, {@code filevault[main]}): FileVault on or off, enabled
 * now over SSH or deferred to a user's login, its unlock users, and its recovery keys, the personal
 * one escrowed in the play's escrow store before the Mac's copy is removed.
 */
public final class FileVaultModule implements ResourceModule<FileVaultParams> {

  /** The credential only shapes commands, never the projected facts; project() is not given it. */
  private static final Credential PROJECTION_CREDENTIAL =
      new Credential("(credential)", new SecretRef.Env("TRUSTCHAIN_PROJECTION_ONLY"), null);

  @Override
  public String name() {
    return "filevault";
  }

  @Override
  public Class<FileVaultParams> paramsType() {
    return FileVaultParams.class;
  }

  @Override
  public String resourceName(FileVaultParams params) {
    return "main";
  }

  @Override
  public List<ParamProblem> check(FileVaultParams p) {
    return FileVaultChecks.check(p);
  }

  /** The users it names and the escrowed key's state (their passwords are checked by the change that uses them). */
  @Override
  public FactsRequest needs(FileVaultParams p) {
    Set<String> users = new LinkedHashSet<>(named(p));
    FactsRequest request = new FactsRequest(users, Map.of()); // passwords are checked by the change that uses them
    return p.escrows() ? request.withEscrowItems(Set.of(FileVaultCommands.PRK_ITEM)) : request;
  }

  /** The users it names are planned first, so it sees the tokens they will hold. */
  @Override
  public List<ResourceAddress> dependsOn(FileVaultParams p) {
    return named(p).stream().map(u -> ResourceAddress.of("user", u)).toList();
  }

  @Override
  public Change plan(ResourceAddress address, FileVaultParams p, PlanContext ctx) throws PlanException {
    Draft d = FileVaultDecision.decide(p, ctx.facts(), ctx.credential());
    Attributes before = FileVaultAttributes.of(ctx.facts(), p);
    Attributes after = FileVaultAttributes.of(d.finished(), p);
    if (!d.commands.isEmpty()) {
      return new Change.Update(address, before, after, d.commands, String.join("; ", d.why), d.guards);
    }
    if (d.pending != null) {
      return new Change.Pending(address, before, after, d.pending, d.overdue);
    }
    return new Change.NoOp(address, before, d.settled != null ? d.settled : "FileVault matches the document");
  }

  @Override
  public HostFacts project(HostFacts facts, FileVaultParams p, Change change) {
    if (!change.action().isChange()) {
      return facts;
    }
    try {
      return FileVaultDecision.decide(p, facts, PROJECTION_CREDENTIAL).finished();
    } catch (PlanException e) {
      return facts; // cannot happen: plan() decided the same from the same facts
    }
  }

  private static List<String> named(FileVaultParams p) {
    List<String> names = new ArrayList<>();
    if (p.deferred() != null && Boolean.TRUE.equals(p.enabled())) {
      names.add(p.deferred().user());
    }
    if (p.unlockUsers() != null && Boolean.TRUE.equals(p.enabled())) {
      p.unlockUsers().stream().filter(u -> !names.contains(u)).forEach(names::add);
    }
    return names;
  }
}
