package io.trustchain.planner;

import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Change;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.NotUnderstoodException;
import io.trustchain.facts.OsFacts;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.PlanValidator;
import io.trustchain.spi.WayIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans one host: a pure function of its gathered facts and the resources bound for it.
 *
 * <p>Resources are planned in dependency order (document order otherwise), each against the facts
 * as projected through the changes planned before it, so a later resource sees what an earlier one
 * will do. A module's {@link PlanException} becomes a {@link PlanProblem} at the resource's source
 * position. The validators (safety invariants) then check the whole plan, once per distinct
 * credential. A host with any problem gets no changes: it is not applied, and its plan lists only
 * the problems.
 *
 * <p>Safety invariant 8: a module (or its projection) that reads a fact the Mac's output did not make
 * certain gets {@link NotUnderstoodException} from the facts; that resource is "cannot plan" (so are
 * the resources that depend on it), and the rest of the host plans as usual. A safety invariant that
 * cannot be checked for the same reason leaves every resource with a change undecided. What was not
 * understood and touched no decision is a warning of the host's plan.
 */
public final class Planner {

  public Planner() {}

  /** A plan without a known way in (no connection account to protect): for tests of modules and invariants. */
  public HostPlan plan(
      String host,
      HostFacts gathered,
      String factsDigest,
      List<BoundResource<?>> resources,
      List<PlanValidator> validators) {
    return plan(host, gathered, factsDigest, resources, validators, WayIn.unknown());
  }

  public HostPlan plan(
      String host,
      HostFacts gathered,
      String factsDigest,
      List<BoundResource<?>> resources,
      List<PlanValidator> validators,
      WayIn wayIn) {
    Objects.requireNonNull(wayIn, "wayIn == null");
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(gathered, "gathered == null");
    Objects.requireNonNull(resources, "resources == null");
    Objects.requireNonNull(validators, "validators == null");
    String digest = factsDigest == null ? "" : factsDigest;
    if (!gathered.reachable()) {
      return HostPlan.failed(host, gathered.errorKind(), "cannot reach " + host + ": "
          + (gathered.error() == null || gathered.error().isBlank() ? "unreachable" : gathered.error()));
    }
    if (gathered.error() != null) {
      return HostPlan.failed(host, gathered.errorKind(), host + " is " + gathered.error());
    }
    ResourceOrder.Result order = ResourceOrder.of(resources);
    List<PlanProblem> problems = new ArrayList<>(order.problems());
    problems.addAll(conflictingDuplicates(resources));
    List<Change> changes = new ArrayList<>();
    Undecisions undecided = new Undecisions();
    HostFacts projected = gathered;
    for (BoundResource<?> resource : order.ordered()) {
      if (undecided.dependsOnOne(resource)) {
        continue;
      }
      try {
        Planned planned = planOne(host, resource, projected, gathered);
        changes.add(planned.change());
        projected = planned.projected();
      } catch (PlanException e) {
        problems.add(new PlanProblem(resource.address(), e.getMessage(), Optional.ofNullable(e.hint()),
            Optional.ofNullable(resource.at())));
      } catch (NotUnderstoodException e) {
        undecided.add(resource, e, "cannot plan: ");
      }
    }
    for (Credential credential : credentials(resources)) {
      for (PlanValidator validator : validators) {
        List<PlanProblem> found;
        try {
          found = validator.validate(gathered, projected, credential, List.copyOf(changes));
        } catch (NotUnderstoodException e) {
          found = List.of();
          undecided.safetyUnchecked(changes, resources, e);
        }
        for (PlanProblem p : found) {
          if (!problems.contains(p)) {
            problems.add(p);
          }
        }
      }
    }
    for (PlanValidator validator : validators) {
      for (PlanProblem p : validator.validateHost(gathered, projected, List.copyOf(changes), wayIn)) {
        PlanProblem placed = p.at().isPresent() ? p : new PlanProblem(p.address(), p.message(), p.hint(),
            resources.stream().filter(r -> r.address().equals(p.address())).map(BoundResource::at)
                .filter(Objects::nonNull).findFirst());
        if (!problems.contains(placed)) {
          problems.add(placed);
        }
      }
    }
    return new HostPlan(host, Optional.ofNullable(gathered.os()).map(OsFacts::forDisplay), Optional.empty(), digest,
        problems.isEmpty() ? changes : List.of(), problems, TokenHolders.report(gathered, resources))
        .withNotUnderstood(undecided.list(), undecided.warnings(gathered), gathered.unmatched());
  }

  /**
   * What the resources need gathered beyond the fixed facts: each module's needs, plus every play
   * credential's user (read even below uid 500), and the escrow items any resource asks about. No password
   * is checked while reading facts: the run checks the credential's once, only when a planned change uses
   * it ({@code run.CredentialCheck}), and a change checks a user's first thing.
   */
  public FactsRequest needs(List<BoundResource<?>> resources) {
    Objects.requireNonNull(resources, "resources == null");
    Set<String> users = new LinkedHashSet<>();
    Map<String, SecretRef> passwords = new LinkedHashMap<>();
    Set<String> escrowItems = new java.util.TreeSet<>();
    Set<String> managed = new java.util.TreeSet<>();
    for (Credential c : credentials(resources)) {
      users.add(c.user());
    }
    for (BoundResource<?> r : resources) {
      FactsRequest needed = needsOf(r);
      users.addAll(needed.namedUsers());
      escrowItems.addAll(needed.escrowItems());
      managed.addAll(needed.managed().users());
      needed.passwordsToCheck().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> passwords.putIfAbsent(e.getKey(), e.getValue()));
    }
    return new FactsRequest(users, passwords).withEscrowItems(escrowItems).managingPasswords(managed);
  }

  private record Planned(Change change, HostFacts projected) {}

  private static <P extends Record> Planned planOne(
      String host, BoundResource<P> r, HostFacts projected, HostFacts gathered) throws PlanException {
    PlanContext ctx = new PlanContext(host, projected, gathered, r.credential());
    Change change = r.module().plan(r.address(), r.params(), ctx);
    Objects.requireNonNull(change, () -> "module " + r.module().name() + " planned null for " + r.address());
    HostFacts next = r.module().project(projected, r.params(), change);
    return new Planned(change, next == null ? projected : next);
  }

  private static <P extends Record> FactsRequest needsOf(BoundResource<P> r) {
    FactsRequest needed = r.module().needs(r.params());
    return needed == null ? FactsRequest.none() : needed;
  }

  /** The distinct credentials (by user and password reference), first declaration kept. */
  public static List<Credential> credentials(List<BoundResource<?>> resources) {
    Map<List<Object>, Credential> seen = new LinkedHashMap<>();
    for (BoundResource<?> r : resources) {
      Credential c = r.credential();
      if (c != null) {
        seen.putIfAbsent(List.of(c.user(), c.password()), c);
      }
    }
    return List.copyOf(seen.values());
  }

  /** The same address declared twice with different parameters: the host cannot satisfy both. */
  private static List<PlanProblem> conflictingDuplicates(List<BoundResource<?>> resources) {
    List<PlanProblem> problems = new ArrayList<>();
    Map<ResourceAddress, BoundResource<?>> first = new LinkedHashMap<>();
    for (BoundResource<?> r : resources) {
      BoundResource<?> earlier = first.putIfAbsent(r.address(), r);
      if (earlier != null && !earlier.params().equals(r.params())) {
        String where = earlier.at() == null ? "" : " (first at " + earlier.at() + ")";
        problems.add(new PlanProblem(r.address(),
            r.address() + " is declared twice for this host with different parameters" + where,
            Optional.of("keep one declaration, or make them identical"), Optional.ofNullable(r.at())));
      }
    }
    return problems;
  }
}
