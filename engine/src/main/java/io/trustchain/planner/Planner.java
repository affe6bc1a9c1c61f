package io.trustchain.planner;

import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Change;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.PlanValidator;
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
 */
public final class Planner {

  public Planner() {}

  public HostPlan plan(
      String host,
      HostFacts gathered,
      String factsDigest,
      List<BoundResource<?>> resources,
      List<PlanValidator> validators) {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(gathered, "gathered == null");
    Objects.requireNonNull(resources, "resources == null");
    Objects.requireNonNull(validators, "validators == null");
    String digest = factsDigest == null ? "" : factsDigest;
    if (!gathered.reachable()) {
      return HostPlan.unreachable(host, gathered.error());
    }
    ResourceOrder.Result order = ResourceOrder.of(resources);
    List<PlanProblem> problems = new ArrayList<>(order.problems());
    problems.addAll(conflictingDuplicates(resources));
    List<Change> changes = new ArrayList<>();
    HostFacts projected = gathered;
    for (BoundResource<?> resource : order.ordered()) {
      try {
        Planned planned = planOne(host, resource, projected, gathered);
        changes.add(planned.change());
        projected = planned.projected();
      } catch (PlanException e) {
        problems.add(new PlanProblem(resource.address(), e.getMessage(), Optional.ofNullable(e.hint()),
            Optional.ofNullable(resource.at())));
      }
    }
    for (Credential credential : credentials(resources)) {
      for (PlanValidator validator : validators) {
        for (PlanProblem p : validator.validate(gathered, projected, credential, List.copyOf(changes))) {
          if (!problems.contains(p)) {
            problems.add(p);
          }
        }
      }
    }
    return new HostPlan(host, Optional.ofNullable(gathered.os()), Optional.empty(), digest,
        problems.isEmpty() ? changes : List.of(), problems, TokenHolders.report(gathered, resources));
  }

  /**
   * What the resources need gathered beyond the fixed facts: each module's needs, plus every play
   * credential's user (read even below uid 500) and password (checked with {@code dscl . -authonly}),
   * and the escrow items any resource asks about. When two sources give a password for the same user,
   * the credential's (then the first) wins.
   */
  public FactsRequest needs(List<BoundResource<?>> resources) {
    Objects.requireNonNull(resources, "resources == null");
    Set<String> users = new LinkedHashSet<>();
    Map<String, SecretRef> passwords = new LinkedHashMap<>();
    Set<String> escrowItems = new java.util.TreeSet<>();
    Set<String> managed = new java.util.TreeSet<>();
    for (Credential c : credentials(resources)) {
      users.add(c.user());
      passwords.putIfAbsent(c.user(), c.password());
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
  private static List<Credential> credentials(List<BoundResource<?>> resources) {
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
