package io.trustchain.macos.safety;

import io.trustchain.macos.user.UserParams;
import io.trustchain.plan.PlanProblem;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.Credential;
import io.trustchain.spi.DocumentValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invariants 2 and 7 where the documents alone break them (a validate error, before anything connects): a
 * {@code user} resource that removes, demotes or disables the account a host is reached as, unless that host
 * opts in ({@code trustchain_allow_way_in_change}; whether another way in remains is known only from facts, at
 * plan time), and one that removes, demotes, disables or takes the token of the management credential (never
 * allowed).
 */
public final class WayInDocuments implements DocumentValidator {

  @Override
  public List<PlanProblem> validate(String host, io.trustchain.spi.WayIn wayIn, List<BoundResource<?>> resources) {
    List<PlanProblem> problems = new ArrayList<>();
    for (BoundResource<?> r : resources) {
      if (!(r.params() instanceof UserParams p)) {
        continue;
      }
      List<String> harms = harms(p);
      Credential c = r.credential();
      if (c != null && c.user().equals(p.name())) {
        List<String> all = new ArrayList<>(harms);
        if (Boolean.FALSE.equals(p.secureToken())) {
          all.add("take its Secure Token");
        }
        if (!all.isEmpty()) {
          problems.add(problem(r, "this resource would " + String.join(", and ", all) + " of " + p.name()
              + ", the management credential of its play: trustchain never modifies the management credential"
              + " (safety invariant 2)", "remove this resource, or make it describe " + p.name() + " as it is"));
        }
      }
      if (wayIn.isConnectionUser(p.name()) && !wayIn.changeAllowed() && !harms.isEmpty()) {
        problems.add(problem(r, "this resource would " + String.join(", and ", harms) + " of " + p.name()
            + ", the account trustchain connects to " + host + " as (" + WayIn.NAME + ")",
            "connect as another admin first; to retire " + p.name() + " on purpose, set "
                + io.trustchain.spi.WayIn.OPT_IN + ": true for " + host + " in the inventory"));
      }
    }
    return problems;
  }

  private static List<String> harms(UserParams p) {
    List<String> harms = new ArrayList<>();
    if (p.state() == UserParams.State.ABSENT) {
      harms.add("remove the account");
      return harms;
    }
    if (Boolean.FALSE.equals(p.admin())) {
      harms.add("take the admin rights (and sudo)");
    }
    if (p.shell() != null && !WayIn.loginShell(p.shell())) {
      harms.add("set the shell " + p.shell() + " (no login)");
    }
    return harms;
  }

  private static PlanProblem problem(BoundResource<?> r, String message, String hint) {
    return new PlanProblem(r.address(), message, Optional.of(hint), Optional.ofNullable(r.at()));
  }
}
