package io.trustchain.cli;

import io.trustchain.diag.DiagnosticPrinter;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.CliExtension;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;
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
    return create(environment, out, err, LabArtifact.system(), null);
  }

  /**
   * @param lab where the lab comes from
   * @param args the command line that will run, or null: only the verbs it names are built ({@link Verbs}),
   *     and a lab that is not on the classpath is opened only when it names {@code lab}
   */
  public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err, LabArtifact lab,
      String[] args) {
    Services services = new Services(environment, out, err);
    Predicate<String> needed = Verbs.needed(args);
    CommandLine cli = new CommandLine(RootCommand.class);
    for (Class<?> verb : Verbs.ALL) {
      String name = Verbs.name(verb);
      if (needed.test(name)) {
        cli.addSubcommand(name, verb);
      } else {
        cli.addSubcommand(name, Verbs.standIn(verb));
      }
    }
    List<CliExtension> extensions = new ArrayList<>();
    ServiceLoader.load(CliExtension.class).forEach(extensions::add);
    if (extensions.isEmpty() && args != null && namesLab(args)) {
      extensions.addAll(lab.extensions());
    }
    for (CliExtension extension : extensions) {
      Object command = extension.command();
      String name = Verbs.name(command.getClass());
      if (needed.test(name)) {
        CommandLine added = new CommandLine(command);
        if (name.equals("lab")) {
          added.addSubcommand(new TwinCommand());
        }
        cli.addSubcommand(name, added);
      } else {
        cli.addSubcommand(name, Verbs.standIn(command.getClass()));
      }
    }
    if (!cli.getSubcommands().containsKey("lab")) {
      cli.addSubcommand(new LabAbsentCommand());
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
    cli.setParameterExceptionHandler((e, given) -> {
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
