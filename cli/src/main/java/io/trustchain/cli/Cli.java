package io.trustchain.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.trustchain.diag.DiagnosticPrinter;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.CliExtension;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * Builds the command line: one Guice injector from the engine's module and every plugin module on
 * the classpath ({@link ServiceLoader} of {@link Module}), picocli commands created by it, plugin
 * subcommands ({@link CliExtension}), and the error policy: diagnostics exit 65, usage errors 64, user
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
    List<Module> modules = new ArrayList<>();
    modules.add(new EngineModule(environment));
    ServiceLoader.load(Module.class).forEach(modules::add);
    modules.add(new AbstractModule() {
      @Override
      protected void configure() {
        bind(PrintWriter.class).annotatedWith(com.google.inject.name.Names.named("out")).toInstance(out);
        bind(PrintWriter.class).annotatedWith(com.google.inject.name.Names.named("err")).toInstance(err);
      }
    });
    Injector injector = Guice.createInjector(modules);
    CommandLine cli = new CommandLine(RootCommand.class, new GuiceFactory(injector));
    ServiceLoader.load(CliExtension.class).forEach(extension -> add(cli, injector, extension));
    if (labCommand && !cli.getSubcommands().containsKey("lab")) {
      lab.extensions().forEach(extension -> add(cli, injector, extension));
    }
    if (!cli.getSubcommands().containsKey("lab")) {
      cli.addSubcommand(new LabAbsentCommand());
    } else {
      cli.getSubcommands().get("lab").addSubcommand(injector.getInstance(TwinCommand.class));
    }
    cli.setOut(out);
    cli.setErr(err);
    Context context = injector.getInstance(Context.class);
    cli.setExecutionStrategy(parseResult -> {
      context.verbosity(((RootCommand) cli.getCommand()).global.verbosity(context.config));
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

  private static void add(CommandLine cli, Injector injector, CliExtension extension) {
    Object command = extension.command();
    injector.injectMembers(command);
    cli.addSubcommand(command);
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

  /** picocli's factory backed by the injector, so commands get their collaborators injected. */
  private record GuiceFactory(Injector injector) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return injector.getInstance(cls);
      } catch (com.google.inject.ConfigurationException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
