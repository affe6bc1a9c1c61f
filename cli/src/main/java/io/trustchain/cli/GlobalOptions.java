package io.trustchain.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts (inherited by subcommands). */
public final class GlobalOptions {

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Show more, as Ansible's -v…-vvvv: -v timings, -vv each change's commands (secrets masked), "
          + "-vvv every remote exec with its timing, -vvvv SSH connection details.")
  boolean[] verbosity = new boolean[0];

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (also: NO_COLOR=1).")
  boolean noColor;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "Print the stack trace of internal errors (for bug reports).")
  boolean stacktrace;

  /** 0 to 4: how many {@code -v} (else ANSIBLE_VERBOSITY or ansible.cfg's verbosity). */
  public int verbosity(io.trustchain.config.AnsibleConfig config) {
    return Math.min(4, verbosity.length > 0 ? verbosity.length : config.integer("verbosity").orElse(0));
  }

  /** Whether to show each change's commands ({@code -vv}). */
  public boolean commands(io.trustchain.config.AnsibleConfig config) {
    return verbosity(config) >= 2;
  }

  public boolean color(CliEnvironment environment) {
    String ansible = environment.env().get("ANSIBLE_NOCOLOR");
    boolean ansibleOff = ansible != null && java.util.Set.of("1", "true", "yes", "on").contains(ansible.strip().toLowerCase(java.util.Locale.ROOT));
    return !noColor && !ansibleOff && environment.colorAllowed();
  }

  public boolean stacktrace() {
    return stacktrace;
  }
}
