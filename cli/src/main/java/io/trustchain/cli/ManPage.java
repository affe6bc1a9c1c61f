package io.trustchain.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A roff man page from picocli's command model: NAME, SYNOPSIS, DESCRIPTION, the global options,
 * then one section per subcommand with its synopsis, description, parameters and options (hidden
 * ones left out). Nothing is written by hand, so the page cannot drift from {@code --help}.
 */
final class ManPage {

  private ManPage() {}

  static String render(CommandSpec root, String version) {
    StringBuilder b = new StringBuilder();
    String name = root.name();
    b.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"").append(name).append(' ')
        .append(esc(version)).append("\" \"User Commands\"\n");
    b.append(".SH NAME\n").append(name).append(" \\- ").append(esc(first(root))).append('\n');
    b.append(".SH SYNOPSIS\n.B ").append(name).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
    b.append(".SH DESCRIPTION\n");
    for (String line : root.usageMessage().description()) {
      b.append(line.isEmpty() ? ".PP" : esc(line)).append('\n');
    }
    options(b, root.options());
    b.append(".SH COMMANDS\n");
    for (var e : root.subcommands().entrySet()) {
      CommandSpec sub = e.getValue().getCommandSpec();
      if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
        continue;
      }
      b.append(".SS ").append(name).append(' ').append(sub.name()).append('\n');
      b.append(esc(String.join(" ", List.of(sub.usageMessage().description())))).append('\n');
      for (PositionalParamSpec p : sub.positionalParameters()) {
        if (!p.hidden()) {
          b.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
              .append(esc(String.join(" ", p.description()))).append('\n');
        }
      }
      for (OptionSpec o : sub.options()) {
        if (!o.hidden() && !o.inherited()) {
          option(b, o);
        }
      }
    }
    b.append(".SH EXIT STATUS\n0 success or no changes; 2 changes present (plan \\-\\-detailed-exitcode); "
        + "1 a host or the run failed; 64 usage error; 65 invalid documents; 130 interrupted.\n");
    b.append(".SH SEE ALSO\nansible(1), ansible-inventory(1), ssh_config(5)\n");
    return b.toString();
  }

  private static void options(StringBuilder b, List<OptionSpec> options) {
    b.append(".SH OPTIONS\n");
    for (OptionSpec o : options) {
      if (!o.hidden()) {
        option(b, o);
      }
    }
  }

  private static void option(StringBuilder b, OptionSpec o) {
    b.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
    if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
      b.append('\n');
    } else {
      b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR\n");
    }
    b.append(esc(String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))))
        .append('\n');
  }

  private static String first(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  /** roff-escapes text: backslashes, leading dots and quotes, and hyphens (so they copy as ASCII). */
  static String esc(String text) {
    String t = text.replace("\\", "\\e").replace("-", "\\-").replace("%%", "%");
    if (t.startsWith(".") || t.startsWith("'")) {
      t = "\\&" + t;
    }
    return t;
  }
}
