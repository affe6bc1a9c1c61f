package io.trustchain.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts (inherited by subcommands). */
public final class GlobalOptions {

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Show more: each change's commands (secrets masked), timings.")
  boolean verbose;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (also: NO_COLOR=1).")
  boolean noColor;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
      description = "Print the stack trace of internal errors (for bug reports).")
  boolean stacktrace;

  public boolean verbose() {
    return verbose;
  }

  public boolean color(CliEnvironment environment) {
    return !noColor && environment.colorAllowed();
  }

  public boolean stacktrace() {
    return stacktrace;
  }
}
