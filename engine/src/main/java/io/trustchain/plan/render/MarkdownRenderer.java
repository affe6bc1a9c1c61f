package io.trustchain.plan.render;

import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.Undecided;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.Unmatched;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan --format markdown}: the plan as a pull-request or merge-request comment. A hidden
 * marker ({@code <!-- trustchain-plan -->}) lets a pipeline find and update its own comment; the
 * summary line comes first; then each host with something to say in a {@code <details>} block
 * (open for a few hosts, folded when more than {@code foldOver} hosts are shown), its changes in a
 * {@code diff} code block so the forge colours them ({@code +} add, {@code -} remove, {@code !}
 * change — the symbol diff highlighting knows, where the text view prints {@code ~}). Past
 * {@code maxChars} (GitHub refuses comments over 65,536 characters) the remaining hosts are only
 * counted.
 */
public final class MarkdownRenderer implements PlanRenderer {

  public static final String MARKER = "<!-- trustchain-plan -->";

  private final String title;
  private final int foldOver;
  private final int maxChars;

  public MarkdownRenderer(String title, int foldOver, int maxChars) {
    this.title = title;
    this.foldOver = foldOver;
    this.maxChars = maxChars;
  }

  /** "trustchain plan", folded past 5 hosts, at most 60,000 characters. */
  public static MarkdownRenderer standard(String title) {
    return new MarkdownRenderer(title, 5, 60_000);
  }

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder(MARKER).append('\n');
    out.append("### ").append(html(title)).append("\n\n");
    out.append(summary(plan)).append(locks(plan));
    List<HostPlan> shown = plan.hosts().stream().filter(MarkdownRenderer::worthShowing).toList();
    boolean fold = shown.size() > foldOver;
    int left = shown.size();
    for (HostPlan host : shown) {
      String block = host(host, fold);
      if (out.length() + block.length() > maxChars) {
        out.append("\n_… and ").append(left).append(left == 1 ? " more host" : " more hosts")
            .append(" not shown here (the comment would be too long): see the full plan in the pipeline's artifacts._\n");
        break;
      }
      out.append('\n').append(block);
      left--;
    }
    return out.toString();
  }

  private static boolean worthShowing(HostPlan host) {
    return !host.complete() || !host.warnings().isEmpty() || !host.unmatched().isEmpty()
        || host.changes().stream().anyMatch(c -> c.action() != Action.NO_OP) || host.lock().isPresent();
  }

  /** After the summary: the hosts an apply lock holds (drift for --detailed-exitcode). */
  private static String locks(Plan plan) {
    List<HostPlan> locked = plan.locked();
    if (locked.isEmpty()) {
      return "";
    }
    return "\n:lock: " + locked.size() + (locked.size() == 1 ? " host carries" : " hosts carry")
        + " an apply lock: " + html(String.join(", ", locked.stream().map(HostPlan::host).toList()))
        + " (see below).\n";
  }

  private static String summary(Plan plan) {
    long add = plan.count(Action.CREATE);
    long change = plan.count(Action.UPDATE);
    long remove = plan.count(Action.DELETE);
    long pending = plan.count(Action.PENDING);
    List<String> failed = plan.hosts().stream().filter(h -> !h.ok()).map(HostPlan::host).toList();
    int hosts = plan.hosts().size();
    StringBuilder s = new StringBuilder();
    if (hosts == 0) {
      return "**No hosts** in this selection: nothing to plan.\n";
    }
    long drifted = plan.drifted();
    if (failed.isEmpty() && add + change + remove == 0 && drifted > 0 && plan.undecided() == 0) {
      return "**Drift:** nothing to change, but " + drifted + " pending " + (drifted == 1 ? "change is" : "changes are")
          + " overdue (see below).\n";
    }
    if (failed.isEmpty() && add + change + remove == 0 && plan.undecided() == 0) {
      s.append("**No changes.** ").append(hosts == 1 ? "The host matches" : "All " + hosts + " hosts match")
          .append(" the desired state").append(pending == 0 ? "." : "; " + pending
              + " pending: macOS completes them at the next login.").append('\n');
      return s.append(notUnderstood(plan)).toString();
    }
    long changed = plan.hosts().stream().filter(HostPlan::hasChanges).count();
    s.append("**Plan: ").append(add).append(" to add, ").append(change).append(" to change, ").append(remove)
        .append(" to remove, ").append(pending).append(" pending** (").append(changed).append(" of ").append(hosts)
        .append(hosts == 1 ? " host" : " hosts").append(" change).\n");
    if (!failed.isEmpty()) {
      s.append("\n:warning: ").append(failed.size()).append(failed.size() == 1 ? " host has errors" : " hosts have errors")
          .append(" and will not be changed: ").append(html(String.join(", ", failed))).append(".\n");
    }
    return s.append(notUnderstood(plan)).toString();
  }

  private static String notUnderstood(Plan plan) {
    StringBuilder s = new StringBuilder();
    if (plan.undecided() > 0) {
      s.append("\n:warning: **Cannot plan** ").append(plan.undecided())
          .append(plan.undecided() == 1 ? " resource" : " resources")
          .append(": a fact its decision needs was not understood (see below).\n");
    }
    if (plan.warnings() > 0) {
      s.append("\n").append(plan.warnings()).append(plan.warnings() == 1 ? " warning" : " warnings")
          .append(": output not understood or rows that name no account; no decision rests on them.\n");
    }
    return s.toString();
  }

  private static String host(HostPlan host, boolean fold) {
    StringBuilder body = new StringBuilder();
    host.lock().ifPresent(l -> body.append("! ").append(l.describe()).append('\n').append("  ").append(l.advice())
        .append('\n'));
    for (Change change : host.changes()) {
      if (change.action() != Action.NO_OP) {
        change(body, change);
      }
    }
    for (PlanProblem p : host.problems()) {
      body.append("error: ").append(p.address()).append(": ").append(p.message())
          .append(p.at().map(at -> " (" + at + ")").orElse("")).append('\n');
      p.hint().ifPresent(h -> body.append("  hint: ").append(h).append('\n'));
    }
    for (Undecided u : host.undecided()) {
      body.append("? ").append(u.address()).append(" cannot be planned\n    # ").append(u.message()).append('\n');
    }
    for (NotUnderstood w : host.warnings()) {
      body.append("warning: not understood, no decision rests on it: ").append(w.words()).append('\n');
    }
    for (Unmatched u : host.unmatched()) {
      body.append("warning: unmatched: ").append(u).append('\n');
    }
    host.error().ifPresent(e -> body.append("error: ").append(e).append('\n'));
    String fence = fence(body.toString());
    StringBuilder b = new StringBuilder(fold ? "<details>" : "<details open>");
    b.append("<summary><b>").append(html(host.host())).append("</b>");
    host.os().ifPresent(os -> b.append(" (").append(html(os.productName() + " " + os.version() + ", " + os.arch()))
        .append(')'));
    b.append(": ").append(html(counts(host))).append("</summary>\n\n");
    b.append(fence).append("diff\n").append(body).append(fence).append("\n\n</details>\n");
    return b.toString();
  }

  private static String counts(HostPlan host) {
    if (host.lock().isPresent() && !host.hasChanges() && host.ok()) {
      return "locked";
    }
    if (host.error().isPresent()) {
      return "cannot be planned";
    }
    if (!host.problems().isEmpty()) {
      return host.problems().size() == 1 ? "1 error, not changed" : host.problems().size() + " errors, not changed";
    }
    List<String> parts = new ArrayList<>();
    if (!host.undecided().isEmpty()) {
      parts.add(host.undecided().size() + " cannot be planned");
    }
    for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.PENDING)) {
      long n = host.count(a);
      if (n > 0) {
        parts.add(n + switch (a) {
          case CREATE -> " to add";
          case UPDATE -> " to change";
          case DELETE -> " to remove";
          default -> " pending";
        });
      }
    }
    return String.join(", ", parts);
  }

  private static void change(StringBuilder b, Change change) {
    String symbol = switch (change.action()) {
      case CREATE -> "+";
      case UPDATE -> "!";
      case DELETE -> "-";
      case PENDING -> "…";
      case NO_OP -> " ";
    };
    if (change.drifted()) {
      b.append("- ").append(change.address()).append(" has drifted (overdue)\n");
    } else {
      b.append(symbol).append(' ').append(change.address()).append(' ').append(AttributeLines.verb(change.action())).append('\n');
    }
    switch (change) {
      case Change.Create c -> AttributeLines.created(b, c.after(), "    ");
      case Change.Update c -> AttributeLines.changed(b, c.before(), c.after(), "    ");
      case Change.Pending c -> AttributeLines.changed(b, c.before(), c.after(), "    ");
      case Change.Delete c -> { }
      case Change.NoOp c -> { }
    }
    if (change.reason() != null && !change.reason().isBlank()) {
      b.append("    # ").append(change.reason()).append('\n');
    }
  }




  /** A backtick fence longer than any backtick run in {@code body}. */
  private static String fence(String body) {
    int longest = 0;
    int run = 0;
    for (char c : body.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
