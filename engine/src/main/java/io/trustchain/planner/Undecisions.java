package io.trustchain.planner;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.NotUnderstoodException;
import io.trustchain.plan.Change;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.Undecided;
import io.trustchain.spi.BoundResource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resources of one host that cannot be planned (a fact their decision needs was not
 * understood), and which not-understood entries some decision rested on: the others are warnings.
 */
final class Undecisions {

  private final List<Undecided> undecided = new ArrayList<>();
  private final Set<NotUnderstood> used = new LinkedHashSet<>();

  void add(BoundResource<?> r, NotUnderstoodException e, String prefix) {
    undecided.add(new Undecided(r.address(), e.fact(), prefix + e.getMessage(), e.because(),
        Optional.ofNullable(r.at())));
    used.addAll(e.because());
  }

  /** Whether {@code r} depends on an undecided resource: then it is undecided too (and noted). */
  boolean dependsOnOne(BoundResource<?> r) {
    for (ResourceAddress a : dependsOn(r)) {
      for (Undecided u : List.copyOf(undecided)) {
        if (u.address().equals(a)) {
          undecided.add(new Undecided(r.address(), a.toString(), "cannot plan: it depends on " + a
              + ", which cannot be planned", List.of(), Optional.ofNullable(r.at())));
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A safety invariant could not be checked: every resource with a change is undecided (its change is
   * taken out of {@code changes}); no-ops and pending changes stay.
   */
  void safetyUnchecked(List<Change> changes, List<BoundResource<?>> resources, NotUnderstoodException e) {
    for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
      Change c = it.next();
      if (!c.action().isChange()) {
        continue;
      }
      it.remove();
      BoundResource<?> r = resources.stream().filter(x -> x.address().equals(c.address())).findFirst().orElse(null);
      undecided.add(new Undecided(c.address(), e.fact(), "cannot plan: a safety check cannot be made: "
          + e.getMessage(), e.because(), Optional.ofNullable(r == null ? null : r.at())));
    }
    used.addAll(e.because());
  }

  List<Undecided> list() {
    return List.copyOf(undecided);
  }

  /** The not-understood entries of {@code facts} no decision rested on. */
  List<NotUnderstood> warnings(HostFacts facts) {
    return facts.notUnderstood().stream().filter(n -> !used.contains(n)).toList();
  }

  private static List<ResourceAddress> dependsOn(BoundResource<?> r) {
    return typed(r);
  }

  private static <P extends Record> List<ResourceAddress> typed(BoundResource<P> r) {
    return r.module().dependsOn(r.params());
  }
}
