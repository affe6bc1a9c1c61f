package io.trustchain.run.report;

import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.Undecided;
import io.trustchain.plan.render.Ansi;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.RolloutResult;
import io.trustchain.run.NotConverged;
import java.util.List;

/**
 * What apply did, as a person reads it: per host its result, each change, what did not converge with
 * the device's own words, what macOS will complete at the next login; then one summary line.
 */
public final class ApplyText {

  private final Ansi ansi;

  public ApplyText(boolean color) {
    this.ansi = new Ansi(color);
  }

  public String render(List<HostOutcome> outcomes) {
    StringBuilder b = new StringBuilder();
    hosts(b, outcomes);
    return b.append(summary(outcomes)).append('\n').toString();
  }

  /** A rollout: the hosts as above, the notes (locks broken), where it halted and who it never reached. */
  public String render(RolloutResult result) {
    return render(result, List.of());
  }

  /** A rollout, after the changes killed runs left half-told (from the audit log) and what the Macs show of them. */
  public String render(RolloutResult result, List<Interruptions.Reported> interrupted) {
    StringBuilder b = new StringBuilder();
    for (Interruptions.Reported r : interrupted) {
      b.append(ansi.bold(r.interruption().host())).append(": ").append(ansi.yellow("note: "))
          .append(Redactor.text(r.line())).append('\n');
    }
    hosts(b, result.outcomes());
    for (HostRun r : result.hosts()) {
      for (String note : r.notes()) {
        b.append(ansi.bold(r.host())).append(": ").append(ansi.yellow("note: ")).append(Redactor.text(note)).append('\n');
      }
    }
    StringBuilder tail = new StringBuilder();
    result.halted().ifPresent(h -> tail.append(ansi.boldRed("Halted: ")).append(h).append(".\n"));
    if (!result.notAttempted().isEmpty()) {
      tail.append(result.notAttempted().size()).append(result.notAttempted().size() == 1 ? " host" : " hosts")
          .append(" not attempted: ").append(String.join(", ", result.notAttempted())).append(".\n");
    }
    String summary = summary(result.outcomes());
    if (result.halted().isPresent() && summary.contains("Apply complete: ")) {
      summary = summary.replace(ansi.bold(ansi.green("Apply complete: ")), ansi.boldRed("Apply incomplete: "));
    }
    return b.append(tail).append(summary).append('\n').toString();
  }

  private void hosts(StringBuilder b, List<HostOutcome> outcomes) {
    for (HostOutcome o : outcomes) {
      if (o.status() == HostOutcome.Status.CONVERGED && o.changes().isEmpty() && o.pending().isEmpty()
          && o.undecided().isEmpty()) {
        continue;
      }
      host(b, o);
    }
  }

  private void host(StringBuilder b, HostOutcome o) {
    String status = switch (o.status()) {
      case CONVERGED -> o.undecided().isEmpty() ? ansi.green("converged")
          : ansi.yellow("converged, except what cannot be planned");
      case NOT_CONVERGED -> ansi.boldRed("NOT CONVERGED");
      case FAILED -> ansi.boldRed("FAILED");
      case REFUSED -> ansi.boldRed("not applied: the plan has errors");
    };
    b.append(ansi.bold(o.host())).append(": ").append(status);
    o.error().ifPresent(e -> b.append(": ").append(Redactor.text(e)));
    b.append('\n');
    for (ChangeOutcome c : o.changes()) {
      Change change = c.change();
      b.append("  ").append(symbol(change.action())).append(' ').append(change.address()).append(' ');
      b.append(switch (c.status()) {
        case APPLIED -> done(change.action());
        case ALREADY_CONVERGED -> "needed nothing (" + c.message() + ")";
        case FAILED -> ansi.red("failed: " + c.message());
        case NOT_RUN -> "not run";
      }).append('\n');
      if (c.status() == ChangeOutcome.Status.FAILED && !c.deviceWords().isBlank()) {
        words(b, c.deviceWords());
      }
    }
    for (NotConverged n : o.notConverged()) {
      b.append("  ").append(ansi.red("! " + n.remaining().address() + " did not converge: "
          + n.remaining().reason())).append('\n');
      if (!n.deviceWords().isBlank()) {
        words(b, n.deviceWords());
      }
    }
    for (Change p : o.pending()) {
      b.append("  ").append(ansi.cyan("… " + p.address() + " pending: " + p.reason())).append('\n');
    }
    for (Undecided u : o.undecided()) {
      b.append("  ").append(ansi.red("? " + u.address() + " " + Redactor.text(u.message()))).append('\n');
    }
  }

  private static void words(StringBuilder b, String text) {
    b.append("      the Mac said:\n");
    for (String line : Redactor.text(text).strip().split("\n")) {
      b.append("        ").append(line).append('\n');
    }
  }

  private String symbol(Action action) {
    return switch (action) {
      case CREATE -> ansi.green("+");
      case UPDATE -> ansi.yellow("~");
      case DELETE -> ansi.red("-");
      case PENDING -> ansi.cyan("…");
      case NO_OP -> " ";
    };
  }

  private static String done(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "changed";
      case DELETE -> "removed";
      default -> "done";
    };
  }

  private String summary(List<HostOutcome> outcomes) {
    long added = count(outcomes, Action.CREATE);
    long changed = count(outcomes, Action.UPDATE);
    long removed = count(outcomes, Action.DELETE);
    long pending = outcomes.stream().mapToLong(o -> o.pending().size()).sum();
    List<HostOutcome> bad = outcomes.stream().filter(o -> !o.ok()).toList();
    String counts = added + " added, " + changed + " changed, " + removed + " removed, " + pending
        + " pending (across " + outcomes.size() + (outcomes.size() == 1 ? " host)." : " hosts).");
    if (bad.isEmpty()) {
      return ansi.bold(ansi.green("Apply complete: ")) + counts;
    }
    StringBuilder b = new StringBuilder(ansi.boldRed("Apply incomplete: ")).append(counts).append('\n');
    b.append(bad.size()).append(bad.size() == 1 ? " host" : " hosts").append(" did not converge: ");
    b.append(String.join(", ", bad.stream().map(o -> o.host() + " (" + (o.status() == HostOutcome.Status.CONVERGED
        ? o.undecided().size() + (o.undecided().size() == 1 ? " resource" : " resources") + " cannot be planned"
        : o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')) + ")").toList())).append('.');
    return b.toString();
  }

  private static long count(List<HostOutcome> outcomes, Action action) {
    return outcomes.stream().flatMap(o -> o.changes().stream())
        .filter(c -> c.status() == ChangeOutcome.Status.APPLIED && c.change().action() == action).count();
  }
}
