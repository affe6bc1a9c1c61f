package io.trustchain.run.report;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * What the Mac shows now of each change a killed run left half-told in the audit log, from the plan this
 * run made (or applies): done, still to do, pending, or not known.
 */
public final class Interruptions {

  /** One interruption and what the Mac shows of it now. */
  public record Reported(Interruption interruption, String state) {

    /** {@code interrupted by run R: ~ user[alice] (update); the Mac now shows: alice matches the document}. */
    public String line() {
      Interruption i = interruption;
      return "interrupted by run " + i.runId() + " (" + i.who() + ", " + i.at() + "): " + i.describeChange()
          + i.result().map(r -> " (its exec had answered: " + r + ")").orElse("") + "; " + state;
    }
  }

  private Interruptions() {}

  /**
   * @param saved whether {@code plan} is a saved plan (its facts are from when it was made, not now)
   */
  public static List<Reported> judge(List<Interruption> found, Plan plan, boolean saved) {
    String shows = saved ? "the saved plan shows: " : "the Mac now shows: ";
    return found.stream().map(i -> new Reported(i, state(i, plan, shows))).toList();
  }

  private static String state(Interruption i, Plan plan, String shows) {
    Optional<HostPlan> host = plan.hosts().stream().filter(h -> h.host().equals(i.host())).findFirst();
    if (host.isEmpty()) {
      return "not checked: " + i.host() + " is not among this run's hosts";
    }
    if (host.get().error().isPresent()) {
      return "not known: " + host.get().error().get();
    }
    Optional<Change> now = host.get().changes().stream()
        .filter(c -> c.address().toString().equals(i.change())).findFirst();
    if (now.isEmpty()) {
      return host.get().problems().isEmpty() ? "not checked: the documents no longer name " + i.change()
          : "not known: " + i.host() + " cannot be planned (see its errors)";
    }
    Change c = now.get();
    return shows + switch (c.action()) {
      case NO_OP -> "done (" + c.reason() + ")";
      case PENDING -> "pending (" + c.reason() + ")";
      default -> "not done (" + c.reason() + ")";
    };
  }
}
