package io.trustchain.cli;

import io.trustchain.diag.DiagnosticPrinter;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.CliExtension;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * Builds the command line: picocli commands made by picocli, plugin subcommands ({@link CliExtension}),
 * the collaborators a command injects ({@link Services}: Guice, started only when such a command runs),
 * and the error policy: diagnostics exit 65, usage errors 64, user
 * errors their own code, internal errors 70 with a stack trace only under {@code --stacktrace}.
 */
public final class Cli {

  private Cli() {}

  /** The command line with the lab's commands when the lab is on the classpath (development, tests). */
  public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err) {
    return create(environment, out, err, LabArtifact.system(), false);
  }

  /**
   * @param lab where the lab comes from
   * @param labCommand whether the command line names {@code lab}: only then is a lab that is not on
   *     the classpath opened for its commands
   */
  public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err, LabArtifact lab,
      boolean labCommand) {
    Services services = new Services(environment, out, err);
    CommandLine cli = new CommandLine(RootCommand.class);
    ServiceLoader.load(CliExtension.class).forEach(extension -> cli.addSubcommand(extension.command()));
    if (labCommand && !cli.getSubcommands().containsKey("lab")) {
      lab.extensions().forEach(extension -> cli.addSubcommand(extension.command()));
    }
    if (!cli.getSubcommands().containsKey("lab")) {
      cli.addSubcommand(new LabAbsentCommand());
    } else {
      cli.getSubcommands().get("lab").addSubcommand(new TwinCommand());
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(parseResult -> {
      Integer help = CommandLine.executeHelpRequest(parseResult);
      if (help != null) {
        return help;
      }
      boolean injected = false;
      for (CommandLine command : parseResult.asCommandLineList()) {
        injected |= services.inject(command.getCommand());
      }
      if (injected) {
        Context context = services.context();
        context.verbosity(((RootCommand) cli.getCommand()).global.verbosity(context.config));
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    cli.setExitCodeExceptionMapper(t -> ExitCodes.SOFTWARE);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine, err));
    cli.setParameterExceptionHandler((e, args) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("error: " + e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
        List<String> close = Suggestions.closest(unmatched);
        if (!close.isEmpty()) {
          c.getErr().println("hint: did you mean " + String.join(" or ", close.stream().map(x -> "\"" + x + "\"").toList())
              + "?");
        }
      }
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      c.getErr().flush();
      return ExitCodes.USAGE;
    });
    return cli;
  }

  /**
   * Whether a command line needs the lab's own commands: its first word that is not an option (the
   * root's options are all flags) is {@code lab}, or {@code help} followed by {@code lab}.
   */
  static boolean namesLab(String[] args) {
    List<String> words = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
    return !words.isEmpty() && (words.get(0).equals("lab")
        || words.get(0).equals("help") && words.size() > 1 && words.get(1).equals("lab"));
  }

  private static int handle(Exception e, CommandLine commandLine, PrintWriter err) {
    if (e instanceof InvalidDocumentsException invalid) {
      new DiagnosticPrinter().print(invalid.diagnostics(), err);
      return ExitCodes.INVALID_DOCUMENTS;
    }
    if (e instanceof UserException user) {
      err.println("error: " + user.getMessage());
      err.flush();
      return user.exitCode();
    }
    boolean trace = commandLine.getParseResult() != null
        && commandLine.getParseResult().expandedArgs().contains("--stacktrace");
    err.println("trustchain: internal error: " + e + " (this is a bug; "
        + (trace ? "please report it with the trace below)" : "rerun with --stacktrace and report it)"));
    if (trace) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.SOFTWARE;
  }
}
