package io.trustchain.planner;

import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.PlanProblem;
import io.trustchain.spi.BoundResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The apply order of one host's resources: a stable topological sort. A resource comes after what it
 * depends on ({@link io.trustchain.spi.ResourceModule#dependsOn}) and otherwise keeps its document
 * position. Dependencies on resources the host does not have are ignored. Resources caught in a
 * cycle are left out and reported once per cycle.
 */
final class ResourceOrder {

  record Result(List<BoundResource<?>> ordered, List<PlanProblem> problems) {}

  private ResourceOrder() {}

  static Result of(List<BoundResource<?>> resources) {
    int n = resources.size();
    Map<ResourceAddress, List<Integer>> byAddress = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byAddress.computeIfAbsent(resources.get(i).address(), a -> new ArrayList<>()).add(i);
    }
    List<Set<Integer>> deps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<Integer> d = new LinkedHashSet<>();
      for (ResourceAddress a : dependsOn(resources.get(i))) {
        d.addAll(byAddress.getOrDefault(a, List.of()));
      }
      deps.add(d);
    }
    boolean[] placed = new boolean[n];
    List<BoundResource<?>> ordered = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < n; i++) {
        if (!placed[i] && deps.get(i).stream().allMatch(j -> placed[j])) {
          placed[i] = true;
          ordered.add(resources.get(i));
          progress = true;
          break; // restart from the top: the earliest ready resource in document order goes next
        }
      }
    }
    return new Result(ordered, cycles(resources, deps, placed));
  }

  private static List<ResourceAddress> dependsOn(BoundResource<?> r) {
    return dependsOnTyped(r);
  }

  private static <P extends Record> List<ResourceAddress> dependsOnTyped(BoundResource<P> r) {
    return r.module().dependsOn(r.params());
  }

  /** One problem per cycle among the resources that could not be placed. */
  private static List<PlanProblem> cycles(List<BoundResource<?>> resources, List<Set<Integer>> deps, boolean[] placed) {
    List<PlanProblem> problems = new ArrayList<>();
    boolean[] reported = new boolean[resources.size()];
    for (int start = 0; start < resources.size(); start++) {
      if (placed[start] || reported[start]) {
        continue;
      }
      List<Integer> cycle = findCycle(start, deps, placed);
      if (cycle.isEmpty() || cycle.stream().anyMatch(i -> reported[i])) {
        reported[start] = true; // blocked behind a cycle already reported
        continue;
      }
      cycle.forEach(i -> reported[i] = true);
      BoundResource<?> first = resources.get(cycle.get(0));
      StringBuilder path = new StringBuilder();
      for (int i : cycle) {
        path.append(resources.get(i).address()).append(" -> ");
      }
      path.append(first.address());
      problems.add(new PlanProblem(first.address(), "dependency cycle: " + path,
          Optional.of("remove one of these dependencies; trustchain cannot order them"),
          Optional.ofNullable(first.at())));
    }
    return problems;
  }

  /** Follows unplaced dependencies from {@code start} until a node repeats; returns that loop. */
  private static List<Integer> findCycle(int start, List<Set<Integer>> deps, boolean[] placed) {
    List<Integer> path = new ArrayList<>();
    int current = start;
    while (!path.contains(current)) {
      path.add(current);
      Integer next = null;
      for (int d : deps.get(current)) {
        if (!placed[d]) {
          next = d;
          break;
        }
      }
      if (next == null) {
        return List.of();
      }
      current = next;
    }
    return path.subList(path.indexOf(current), path.size());
  }
}
