package io.trustchain.plan.render;

import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.MixedTokens;
import io.trustchain.plan.Plan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.Undecided;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.Unmatched;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a person reads it, Terraform-like: per host a header with its OS, one block per
 * change (symbol, address, verb, the attributes that change, the reason on its own {@code #} line),
 * the host's problems with their position and hint, then a summary line. Hosts with nothing to do
 * are left out. Colours only when enabled; {@code verbose} adds each change's commands (secrets
 * masked).
 */
public final class HumanRenderer implements PlanRenderer {

  private final Ansi ansi;
  private final boolean verbose;

  public HumanRenderer(boolean color, boolean verbose) {
    this.ansi = new Ansi(color);
    this.verbose = verbose;
  }

  /** No colours, no commands: what tests and pipes get. */
  public static HumanRenderer plain() {
    return new HumanRenderer(false, false);
  }

  @Override
  public String render(Plan plan) {
    List<String> blocks = new ArrayList<>();
    for (HostPlan host : plan.hosts()) {
      if (worthShowing(host)) {
        blocks.add(host(host));
      }
    }
    StringBuilder out = new StringBuilder(String.join("\n", blocks));
    if (!blocks.isEmpty()) {
      out.append('\n');
    }
    return out.append(summary(plan)).append(tokenWarnings(plan)).append(lockWarning(plan)).toString();
  }

  private static boolean worthShowing(HostPlan host) {
    return !host.complete() || !host.warnings().isEmpty() || !host.unmatched().isEmpty()
        || host.changes().stream().anyMatch(c -> c.action() != Action.NO_OP)
        || !host.tokens().unmanaged().isEmpty() || host.lock().isPresent();
  }

  /** After the summary: how many hosts another apply's lock holds (drift for --detailed-exitcode). */
  private String lockWarning(Plan plan) {
    int locked = plan.locked().size();
    if (locked == 0) {
      return "";
    }
    return ansi.boldRed("Locked:") + " " + locked + (locked == 1 ? " host carries" : " hosts carry")
        + " an apply lock (see above); --detailed-exitcode counts it as drift.\n";
  }

  /** The fleet's token warnings, after the summary: unmanaged holders counted, mixed accounts named. */
  private String tokenWarnings(Plan plan) {
    StringBuilder b = new StringBuilder();
    long unmanaged = plan.unmanagedTokens();
    if (unmanaged > 0) {
      b.append(ansi.yellow("Warning:")).append(' ').append(unmanaged)
          .append(unmanaged == 1 ? " Secure Token holder is" : " Secure Token holders are")
          .append(" managed by no document (see above).\n");
    }
    for (MixedTokens m : plan.mixedTokens()) {
      b.append(ansi.yellow("Warning:")).append(' ').append(m).append(" (no document says secure_token for ")
          .append(m.user()).append(").\n");
    }
    return b.toString();
  }

  private String host(HostPlan host) {
    StringBuilder b = new StringBuilder();
    String header = host.host() + host.os()
        .map(os -> " (" + os.productName() + " " + os.version() + ", " + os.arch() + ")").orElse("");
    b.append(ansi.bold(header)).append('\n');
    host.lock().ifPresent(l -> b.append("  ").append(ansi.boldRed("! " + l.describe())).append('\n')
        .append("      # ").append(l.advice()).append('\n'));
    for (Change change : host.changes()) {
      if (change.action() != Action.NO_OP) {
        change(b, change);
      }
    }
    for (Undecided u : host.undecided()) {
      b.append("  ").append(ansi.boldRed("?")).append(' ').append(u.address()).append(' ')
          .append(ansi.boldRed("cannot be planned")).append('\n');
      b.append("      # ").append(u.message()).append(u.at().map(at -> " (" + at + ")").orElse("")).append('\n');
    }
    for (NotUnderstood w : host.warnings()) {
      b.append("  ").append(ansi.yellow("warning:")).append(" not understood, no decision rests on it: ")
          .append(w.words()).append('\n');
    }
    for (Unmatched u : host.unmatched()) {
      b.append("  ").append(ansi.yellow("warning:")).append(" unmatched: ").append(u).append('\n');
    }
    if (host.hasChanges() && (verbose || host.applyRoundTrips() > 3)) {
      b.append("  # applied in ").append(host.applyRoundTrips()).append(" SSH round trips")
          .append(host.applyRoundTrips() > 3 ? ": each secret captured after the first goes to escrow before the"
              + " commands after it run" : " (facts, changes behind their guards, verify)").append('\n');
    }
    for (PlanProblem problem : host.problems()) {
      b.append("  ").append(ansi.boldRed("error:")).append(' ').append(problem.address()).append(": ")
          .append(problem.message()).append(problem.at().map(at -> " (" + at + ")").orElse("")).append('\n');
      problem.hint().ifPresent(h -> b.append("    hint: ").append(h).append('\n'));
    }
    host.error().ifPresent(e -> b.append("  ").append(ansi.boldRed("error:")).append(' ').append(e).append('\n'));
    for (UnmanagedToken t : host.tokens().unmanaged()) {
      b.append("  ").append(ansi.yellow("warning:")).append(' ').append(t)
          .append(" holds a Secure Token, but no document manages ").append(t.user())
          .append(" and trustchain holds no password for it\n");
      b.append("    hint: manage it with a user resource (name: ").append(t.user())
          .append(", secure_token: true or false), or remove the account\n");
    }
    return b.toString();
  }

  private void change(StringBuilder b, Change change) {
    b.append("  ").append(change.drifted() ? ansi.boldRed("!") : symbol(change.action())).append(' ')
        .append(change.address()).append(' ')
        .append(change.drifted() ? ansi.boldRed("has drifted (overdue)") : AttributeLines.verb(change.action())).append('\n');
    switch (change) {
      case Change.Create c -> AttributeLines.created(b, c.after(), "      ");
      case Change.Update c -> AttributeLines.changed(b, c.before(), c.after(), "      ");
      case Change.Pending c -> AttributeLines.changed(b, c.before(), c.after(), "      ");
      case Change.Delete c -> { }
      case Change.NoOp c -> { }
    }
    if (change.reason() != null && !change.reason().isBlank()) {
      b.append("      # ").append(change.reason()).append('\n');
    }
    if (verbose) {
      for (Guard guard : change.guards()) {
        b.append("      if ").append(guard.fact()).append(" (").append(guard.probe().display()).append(")\n");
      }
      for (Command command : change.commands()) {
        b.append("      $ ").append(command.display()).append('\n');
      }
    }
  }



  private String symbol(Action action) {
    return switch (action) {
      case CREATE -> ansi.green(action.symbol());
      case UPDATE -> ansi.yellow(action.symbol());
      case DELETE -> ansi.red(action.symbol());
      case PENDING -> ansi.cyan(action.symbol());
      case NO_OP -> action.symbol();
    };
  }


  private String summary(Plan plan) {
    long add = plan.count(Action.CREATE);
    long change = plan.count(Action.UPDATE);
    long remove = plan.count(Action.DELETE);
    long pending = plan.count(Action.PENDING);
    List<String> failed = plan.hosts().stream().filter(h -> !h.ok()).map(HostPlan::host).toList();
    long drifted = plan.drifted();
    String notUnderstood = notUnderstood(plan);
    if (failed.isEmpty() && add + change + remove == 0 && drifted == 0 && plan.undecided() == 0) {
      return (pending == 0
          ? "No changes. All hosts match the desired state.\n"
          : "No changes. " + pending + " pending: macOS completes them at the next login.\n") + notUnderstood;
    }
    if (failed.isEmpty() && add + change + remove == 0 && plan.undecided() == 0) {
      return ansi.boldRed("Drift:") + " nothing to change, but " + drifted + " pending "
          + (drifted == 1 ? "change is" : "changes are") + " overdue (see above).\n" + notUnderstood;
    }
    long hosts = plan.hosts().stream()
        .filter(h -> h.changes().stream().anyMatch(c -> c.action() != Action.NO_OP)).count();
    StringBuilder s = new StringBuilder(ansi.bold("Plan:")).append(' ')
        .append(add).append(" to add, ").append(change).append(" to change, ").append(remove)
        .append(" to remove, ").append(pending).append(" pending (across ").append(hosts)
        .append(hosts == 1 ? " host).\n" : " hosts).\n");
    if (!failed.isEmpty()) {
      s.append(failed.size()).append(failed.size() == 1 ? " host has errors" : " hosts have errors")
          .append(" and will not be changed: ").append(String.join(", ", failed)).append(".\n");
    }
    return s.append(notUnderstood).toString();
  }

  /**
   * The line about undecided resources (what the Mac printed that decides them was not understood)
   * and the count of warnings; empty when there are none.
   */
  private String notUnderstood(Plan plan) {
    StringBuilder s = new StringBuilder();
    long undecided = plan.undecided();
    if (undecided > 0) {
      List<String> which = plan.hosts().stream().flatMap(h -> h.undecided().stream().map(u -> h.host() + " "
          + u.address())).toList();
      s.append(ansi.boldRed("Cannot plan:")).append(' ').append(undecided)
          .append(undecided == 1 ? " resource rests" : " resources rest")
          .append(" on facts the Mac printed that were not understood: ").append(String.join(", ", which))
          .append(".\n");
    }
    long warnings = plan.warnings();
    if (warnings > 0) {
      s.append(warnings).append(warnings == 1 ? " warning" : " warnings")
          .append(": output not understood or rows that name no account, no decision rests on them.\n");
    }
    return s.toString();
  }
}
