package io.trustchain.run.report;

import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.NotConverged;
import io.trustchain.run.RolloutResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run as JUnit XML, the common format CI systems read (GitLab's test reports, Jenkins, GitHub
 * test-report actions): one {@code <testsuite>} per host, named after it, with one
 * {@code <testcase>} for the host itself ({@code apply} or {@code plan}: reachable, locked, fresh,
 * converged) and one per resource ({@code user[alice]}). A change that failed or did not converge
 * is a {@code <failure>} carrying the device's own words; a host that could not be worked on
 * (unreachable, locked by another run, stale saved plan) is an {@code <error>}; what was not done
 * (a pending change, a host the rollout never reached) is {@code <skipped>}. Every text goes
 * through {@link Redactor}.
 */
public final class JunitReport {

  private JunitReport() {}

  /** The report of an apply: each host of {@code plan} with what the rollout did to it. */
  public static String apply(Plan plan, RolloutResult result, Instant started) {
    Map<String, HostRun> runs = new HashMap<>();
    result.hosts().forEach(r -> runs.put(r.host(), r));
    List<Suite> suites = new ArrayList<>();
    for (HostPlan host : plan.hosts()) {
      HostRun run = runs.get(host.host());
      if (run != null) {
        suites.add(applied(host, run));
      } else if (result.notAttempted().contains(host.host())) {
        suites.add(notAttempted(host, result.halted().orElse("the rollout halted")));
      }
    }
    return xml("trustchain apply", suites, started);
  }

  /** The report of a plan: a host with errors or refusals fails; changes pass and are described. */
  public static String plan(Plan plan, Instant started) {
    List<Suite> suites = new ArrayList<>();
    for (HostPlan host : plan.hosts()) {
      List<Case> cases = new ArrayList<>();
      if (host.error().isPresent()) {
        cases.add(Case.error(host.host(), "plan", host.errorKind().map(k -> k.json()).orElse("unreachable"),
            host.error().get(), ""));
      } else if (!host.problems().isEmpty()) {
        cases.add(Case.failure(host.host(), "plan", "refused", problemsSummary(host.problems()), problems(host.problems())));
      } else {
        cases.add(Case.passed(host.host(), "plan", ""));
      }
      for (Change c : host.changes()) {
        cases.add(Case.passed(host.host(), c.address().toString(),
            c.action() == Action.NO_OP ? "" : c.action().word() + ": " + c.reason()));
      }
      undecided(host, cases);
      suites.add(new Suite(host.host(), Duration.ZERO, cases));
    }
    return xml("trustchain plan", suites, started);
  }

  private static Suite applied(HostPlan host, HostRun run) {
    HostOutcome o = run.outcome();
    String name = host.host();
    List<Case> cases = new ArrayList<>();
    boolean changeFailed = o.changes().stream().anyMatch(c -> c.status() == ChangeOutcome.Status.FAILED);
    String error = o.error().orElse("");
    String notes = String.join("\n", run.notes());
    cases.add(switch (o.status()) {
      case CONVERGED -> Case.passed(name, "apply", notes);
      case NOT_CONVERGED -> Case.failure(name, "apply", "not_converged",
          o.notConverged().size() + " resource(s) did not converge after apply", notes);
      case REFUSED -> Case.failure(name, "apply", "refused", "not applied: the plan has errors: " + error,
          problems(host.problems()));
      case FAILED -> changeFailed ? Case.failure(name, "apply", "failed", error, notes)
          : Case.error(name, "apply", "failed", error, notes);
    });
    Map<ResourceAddress, ChangeOutcome> outcomes = new HashMap<>();
    o.changes().forEach(c -> outcomes.put(c.change().address(), c));
    Map<ResourceAddress, NotConverged> left = new HashMap<>();
    o.notConverged().forEach(n -> left.put(n.remaining().address(), n));
    for (Change planned : host.changes()) {
      ResourceAddress at = planned.address();
      String test = at.toString();
      NotConverged nc = left.get(at);
      ChangeOutcome co = outcomes.get(at);
      if (nc != null) {
        cases.add(Case.failure(name, test, "not_converged", "did not converge: " + nc.remaining().reason(),
            nc.deviceWords()));
      } else if (planned.action() == Action.PENDING) {
        cases.add(Case.skipped(name, test, "pending: " + planned.reason()));
      } else if (!planned.action().isChange()) {
        cases.add(Case.passed(name, test, ""));
      } else if (co == null) {
        cases.add(Case.skipped(name, test, "not applied: " + (error.isEmpty() ? "the host stopped" : error)));
      } else {
        cases.add(switch (co.status()) {
          case FAILED -> Case.failure(name, test, "failed", co.message(), co.deviceWords());
          case NOT_RUN -> Case.skipped(name, test, co.message());
          case APPLIED, ALREADY_CONVERGED -> Case.passed(name, test,
              co.message() + (co.deviceWords().isBlank() ? "" : "\n" + co.deviceWords()));
        });
      }
    }
    undecided(host, cases);
    return new Suite(name, run.took(), cases);
  }

  /** A resource that cannot be planned fails, with the device's words it rests on. */
  private static void undecided(HostPlan host, List<Case> cases) {
    for (io.trustchain.plan.Undecided u : host.undecided()) {
      cases.add(Case.failure(host.host(), u.address().toString(), "cannot_plan", u.message(),
          String.join("\n", u.because().stream().map(io.trustchain.facts.NotUnderstood::words).toList())));
    }
  }

  private static Suite notAttempted(HostPlan host, String why) {
    List<Case> cases = new ArrayList<>();
    cases.add(Case.skipped(host.host(), "apply", "not attempted: " + why));
    for (Change c : host.changes()) {
      cases.add(Case.skipped(host.host(), c.address().toString(), "not attempted: " + why));
    }
    return new Suite(host.host(), Duration.ZERO, cases);
  }

  private static String problemsSummary(List<PlanProblem> problems) {
    return problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems";
  }

  private static String problems(List<PlanProblem> problems) {
    return problems.stream().map(p -> p + p.hint().map(h -> " (hint: " + h + ")").orElse(""))
        .collect(Collectors.joining("\n"));
  }

  private static String xml(String name, List<Suite> suites, Instant started) {
    Xml x = new Xml();
    long tests = suites.stream().mapToLong(s -> s.cases().size()).sum();
    x.open("testsuites", "name", name, "tests", tests, "failures", count(suites, Kind.FAILURE),
        "errors", count(suites, Kind.ERROR), "skipped", count(suites, Kind.SKIPPED),
        "time", seconds(suites.stream().map(Suite::took).reduce(Duration.ZERO, Duration::plus)));
    String timestamp = started.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
    for (Suite s : suites) {
      x.open("testsuite", "name", s.host(), "tests", s.cases().size(), "failures", count(List.of(s), Kind.FAILURE),
          "errors", count(List.of(s), Kind.ERROR), "skipped", count(List.of(s), Kind.SKIPPED),
          "time", seconds(s.took()), "timestamp", timestamp, "hostname", s.host());
      for (Case c : s.cases()) {
        boolean empty = c.kind() == Kind.PASSED && c.text().isBlank();
        if (empty) {
          x.empty("testcase", "classname", c.classname(), "name", c.name());
          continue;
        }
        x.open("testcase", "classname", c.classname(), "name", c.name());
        switch (c.kind()) {
          case FAILURE -> x.text("failure", c.text(), "message", c.message(), "type", c.type());
          case ERROR -> x.text("error", c.text(), "message", c.message(), "type", c.type());
          case SKIPPED -> x.empty("skipped", "message", c.message());
          case PASSED -> { }
        }
        if (c.kind() == Kind.PASSED && !c.text().isBlank()) {
          x.text("system-out", c.text());
        }
        x.close("testcase");
      }
      x.close("testsuite");
    }
    x.close("testsuites");
    return x.toString();
  }

  private static long count(List<Suite> suites, Kind kind) {
    return suites.stream().flatMap(s -> s.cases().stream()).filter(c -> c.kind() == kind).count();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  private enum Kind { PASSED, FAILURE, ERROR, SKIPPED }

  private record Suite(String host, Duration took, List<Case> cases) {}

  private record Case(String classname, String name, Kind kind, String type, String message, String text) {
    static Case passed(String host, String name, String out) {
      return new Case(host, name, Kind.PASSED, "", "", out == null ? "" : out);
    }

    static Case failure(String host, String name, String type, String message, String text) {
      return new Case(host, name, Kind.FAILURE, type, message, text == null ? "" : text);
    }

    static Case error(String host, String name, String type, String message, String text) {
      return new Case(host, name, Kind.ERROR, type, message, text == null ? "" : text);
    }

    static Case skipped(String host, String name, String message) {
      return new Case(host, name, Kind.SKIPPED, "", message, "");
    }
  }

  /** A tiny indenting XML writer; every attribute and text is redacted and escaped. */
  private static final class Xml {
    private final StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private int depth;

    void open(String tag, Object... attrs) {
      b.append("  ".repeat(depth)).append('<').append(tag);
      attributes(attrs);
      b.append(">\n");
      depth++;
    }

    void empty(String tag, Object... attrs) {
      b.append("  ".repeat(depth)).append('<').append(tag);
      attributes(attrs);
      b.append("/>\n");
    }

    void text(String tag, String text, Object... attrs) {
      b.append("  ".repeat(depth)).append('<').append(tag);
      attributes(attrs);
      b.append('>').append(escape(Redactor.text(text), false)).append("</").append(tag).append(">\n");
    }

    void close(String tag) {
      depth--;
      b.append("  ".repeat(depth)).append("</").append(tag).append(">\n");
    }

    private void attributes(Object... attrs) {
      for (int i = 0; i < attrs.length; i += 2) {
        String value = String.valueOf(attrs[i + 1]);
        if (value.isEmpty() && !"name".equals(attrs[i])) {
          continue;
        }
        b.append(' ').append(attrs[i]).append("=\"").append(escape(Redactor.text(value), true)).append('"');
      }
    }

    private static String escape(String s, boolean attribute) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '&' -> out.append("&amp;");
          case '"' -> out.append(attribute ? "&quot;" : "\"");
          case '\n' -> out.append(attribute ? "&#10;" : "\n");
          case '\t' -> out.append(attribute ? "&#9;" : "\t");
          case '\r' -> out.append("&#13;");
          default -> {
            if (c >= 0x20 && !(c >= 0xD800 && c <= 0xDFFF && !validSurrogate(s, i)) && c != 0xFFFE && c != 0xFFFF) {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
      char c = s.charAt(i);
      return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    @Override
    public String toString() {
      return b.toString();
    }
  }
}
