package io.trustchain.macos.credential;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Safety invariant 2: the management credential is never modified. Its facts after every planned
 * change must equal its facts as read, whichever module would change them.
 */
public final class CredentialUnchanged implements PlanValidator {

  private static final String HINT = "trustchain never modifies the management credential; remove or change the"
      + " resource that touches it";

  @Override
  public List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes) {
    String name = credential.user();
    Optional<UserFacts> before = gathered.user(name);
    if (before.isEmpty()) {
      return List.of(); // CredentialFitness reports a missing credential
    }
    Optional<UserFacts> after = projected.user(name);
    ResourceAddress address = ResourceAddress.of("credential", name);
    if (after.isEmpty()) {
      return List.of(new PlanProblem(address, "this plan would remove the management credential " + name,
          Optional.of(HINT), Optional.ofNullable(credential.at())));
    }
    if (before.get().equals(after.get())) {
      return List.of();
    }
    List<String> changed = differences(before.get(), after.get());
    if (changed.isEmpty()) {
      return List.of();
    }
    return List.of(new PlanProblem(address, "this plan would modify the management credential " + name + " ("
        + String.join(", ", changed) + ")", Optional.of(HINT), Optional.ofNullable(credential.at())));
  }

  private static List<String> differences(UserFacts a, UserFacts b) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : UserFacts.class.getRecordComponents()) {
      if (c.getName().equals("unknowns")) {
        continue;
      }
      try {
        if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
          out.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
        }
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r; // a fact that was not understood: the planner says so
        }
        throw new IllegalStateException("cannot read UserFacts." + c.getName(), e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read UserFacts." + c.getName(), e);
      }
    }
    return out;
  }
}
