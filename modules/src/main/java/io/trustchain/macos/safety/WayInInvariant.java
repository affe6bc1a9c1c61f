package io.trustchain.macos.safety;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Safety invariant 7: trustchain never removes its own way in. A plan that would remove, demote, disable or
 * re-password the account the run connects as ({@code ansible_user}) is a plan error, unless the inventory
 * opts in for that host ({@code trustchain_allow_way_in_change: true}) and another enabled admin with a login
 * shell remains. (The management credential is kept by invariant 2, {@code CredentialUnchanged}.)
 */
public final class WayInInvariant implements PlanValidator {

  @Override
  public List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes) {
    return List.of();
  }

  @Override
  public List<PlanProblem> validateHost(HostFacts gathered, HostFacts projected, List<Change> changes,
      io.trustchain.spi.WayIn wayIn) {
    String user = wayIn.connectionUser();
    if (user == null) {
      return List.of();
    }
    Optional<UserFacts> before = gathered.user(user);
    if (before.isEmpty()) {
      return List.of(); // the run could not log in as an account the Mac does not have
    }
    List<String> lost = new ArrayList<>(WayIn.losses(before.get(), projected.user(user)));
    ResourceAddress address = ResourceAddress.of("user", user);
    for (Change c : changes) {
      if (c.address().equals(address) && c.action().isChange() && repasswords(c)) {
        lost.add("change " + user + "'s password (the become password would stop working)");
      }
    }
    if (lost.isEmpty()) {
      return List.of();
    }
    String what = "this plan would " + String.join(", and ", lost) + ": " + user
        + " is the account trustchain connects as (" + WayIn.NAME + ")";
    if (!wayIn.changeAllowed()) {
      return List.of(PlanProblem.of(address, what, "keep " + user + " as it is, or connect as another admin first;"
          + " to retire it on purpose, set " + io.trustchain.spi.WayIn.OPT_IN + ": true for this host in the inventory"));
    }
    if (WayIn.another(projected, user).isEmpty()) {
      return List.of(PlanProblem.of(address, what + ", and no other enabled admin with a login shell would remain",
          "keep another admin account on this Mac that you can log in as, then plan again"));
    }
    return List.of();
  }

  /**
   * An update whose {@code password} attribute differs before and after: it sets a new password on the account
   * (the attribute is sensitive, so its values are markers, such as {@code (set)} and {@code (new)}).
   */
  private static boolean repasswords(Change c) {
    if (!(c instanceof Change.Update u)) {
      return false;
    }
    Object before = u.before().get("password");
    Object after = u.after().get("password");
    return before != null && after != null && !Objects.equals(before, after);
  }
}
