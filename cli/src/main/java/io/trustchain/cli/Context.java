package io.trustchain.cli;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.trustchain.config.AnsibleConfig;
import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.DiagnosticPrinter;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.inventory.Inventory;
import io.trustchain.run.Fleet;
import io.trustchain.run.Load;
import io.trustchain.run.Loaded;
import io.trustchain.run.RunListener;
import io.trustchain.run.Target;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.DocumentValidator;
import io.trustchain.spi.PlanValidator;
import io.trustchain.template.Templater;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The collaborators every command uses, injected once: loading, sessions, output. */
@com.google.inject.Singleton
final class Context {

  final CliEnvironment environment;
  final AnsibleConfig config;
  final PrintWriter out;
  final PrintWriter err;
  private final ModuleRegistry registry;
  private final Templater templater;
  private final Set<PlanValidator> validators;
  private final Set<DocumentValidator> documentValidators;
  private final Prompts prompts;
  private int verbosity;

  @Inject
  Context(CliEnvironment environment, AnsibleConfig config, ModuleRegistry registry, Templater templater,
      Set<PlanValidator> validators, Set<DocumentValidator> documentValidators, @Named("out") PrintWriter out,
      @Named("err") PrintWriter err) {
    this.documentValidators = documentValidators;
    this.environment = environment;
    this.config = config;
    this.registry = registry;
    this.templater = templater;
    this.validators = validators;
    this.out = out;
    this.err = err;
    this.prompts = new Prompts(environment);
  }

  /** How many {@code -v} the command line has (set by the root command before any subcommand runs). */
  void verbosity(int level) {
    this.verbosity = level;
  }

  Session session(ConnectOptions options) {
    return new Session(environment, config, options, validators, prompts, err, verbosity);
  }

  Load load() {
    return new Load(registry, templater, environment.env(), environment.cwd(), List.copyOf(documentValidators));
  }

  /** A loader with the command line's connection defaults ({@code -u}, {@code --private-key}, {@code -K}, {@code -e}). */
  Load load(ConnectOptions options, Session session) {
    return load().withSecrets(session.secrets())
        .withConnection(options.user(config), options.privateKey(environment, config), session.becomePassword())
        .withExtraVars(ExtraVars.parse(options.extraVars, environment.cwd())).withRotation(options.rotation());
  }

  /** Loads the run's documents; all errors at once as an exception, warnings printed. */
  Loaded load(InventoryOption inventory, List<Path> playbooks, ConnectOptions options, Session session)
      throws InvalidDocumentsException {
    Diagnostics diagnostics = new Diagnostics();
    List<Path> resolved = playbooks.stream().map(p -> environment.cwd().resolve(p)).toList();
    checkReadable(playbooks, resolved);
    Optional<Loaded> loaded = load(options, session).load(inventory.resolve(environment, config), resolved,
        options.limit(), session.keyring(), diagnostics);
    return checked(diagnostics, loaded);
  }

  /** A folder, a missing or an unreadable playbook is a usage error (64), all of them named at once. */
  static void checkReadable(List<Path> given, List<Path> resolved) {
    List<String> problems = new java.util.ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      Path p = resolved.get(i);
      if (java.nio.file.Files.isDirectory(p)) {
        problems.add(given.get(i) + " is a folder, not a playbook (name the playbook files in it)");
      } else if (!java.nio.file.Files.exists(p)) {
        problems.add("playbook " + given.get(i) + " does not exist");
      } else if (!java.nio.file.Files.isReadable(p)) {
        problems.add("playbook " + given.get(i) + " is not readable (check its permissions)");
      }
    }
    if (!problems.isEmpty()) {
      throw UserException.usage(String.join("\nerror: ", problems));
    }
  }

  /** Loads the documents a saved plan names (paths already resolved), limited as the plan was. */
  Loaded load(Path inventory, List<Path> playbooks, Optional<String> limit, ConnectOptions options, Session session)
      throws InvalidDocumentsException {
    Diagnostics diagnostics = new Diagnostics();
    return checked(diagnostics, load(options, session).load(inventory, playbooks, limit, session.keyring(),
        diagnostics));
  }

  /** {@code loaded} with only the targets of {@code shard}. */
  Loaded shard(Loaded loaded, Optional<io.trustchain.run.Shard> shard) {
    if (shard.isEmpty()) {
      return loaded;
    }
    List<Target> subset = ShardOption.select(shard, loaded.targets());
    if (subset.isEmpty() && !loaded.targets().isEmpty()) {
      err.println("note: shard " + shard.get() + " holds none of the " + loaded.targets().size()
          + " targeted hosts (the split depends only on the host names)");
      err.flush();
    }
    return loaded.withTargets(subset);
  }

  /**
   * {@code loaded} when it targets hosts. A play whose {@code hosts:} matches no host, and plays and
   * {@code --limit} that leave no host at all, fail with exit 1 and a "did you mean", so a typo never reads as
   * "No changes"; with {@code --allow-empty} they are warnings. (An empty {@code --shard} of a non-empty
   * selection is fine: the split is by host name hash, and small fleets leave some shards empty.)
   */
  Loaded requireHosts(Loaded loaded, ConnectOptions connect) {
    Diagnostics problems = new Diagnostics();
    loaded.emptyPlays().forEach(problems::add);
    if (loaded.targets().isEmpty()) {
      problems.add(Diagnostic.error(null, "no host to work on: the plays" + (connect.limit().isPresent()
          ? " and --limit " + connect.limit().get() : "") + " select no host of " + loaded.inventory().source(),
          "trustchain inventory --graph lists the groups and hosts"));
    }
    if (problems.isEmpty()) {
      return loaded;
    }
    if (connect.allowEmpty) {
      Diagnostics warnings = new Diagnostics();
      problems.all().forEach(d -> warnings.add(new Diagnostic(io.trustchain.diag.Severity.WARNING, d.message(), d.at(),
          d.hint(), d.showSnippet())));
      new DiagnosticPrinter().print(warnings, err);
      return loaded;
    }
    new DiagnosticPrinter().print(problems, err);
    throw new UserException(ExitCodes.FAILED, "nothing would be checked; pass --allow-empty when no host is expected");
  }

  Inventory inventory(InventoryOption inventory, Session session) throws InvalidDocumentsException {
    Diagnostics diagnostics = new Diagnostics();
    return checked(diagnostics, load().inventory(inventory.resolve(environment, config), session.keyring(), diagnostics));
  }

  List<Target> hosts(Inventory inventory, ConnectOptions options, Session session) throws InvalidDocumentsException {
    Diagnostics diagnostics = new Diagnostics();
    return checked(diagnostics, load(options, session).hosts(inventory, options.limit(), diagnostics));
  }

  private <T> T checked(Diagnostics diagnostics, Optional<T> value) throws InvalidDocumentsException {
    diagnostics.throwIfErrors();
    if (!diagnostics.isEmpty()) {
      new DiagnosticPrinter().print(diagnostics, err);
    }
    return value.orElseThrow(() -> new IllegalStateException("loading failed without a diagnostic"));
  }

  void startLab(Fleet fleet, List<Target> targets) {
    try {
      fleet.startLab(targets);
    } catch (IOException e) {
      throw new UserException(ExitCodes.FAILED, "cannot start the lab: " + e.getMessage());
    }
  }

  /**
   * What a run shows while it goes ({@code TRUSTCHAIN_PROGRESS=tty|plain|off} overrides the choice):
   * the live block when a person watches a terminal, plain timestamped lines on a pipe, nothing
   * beside JSON; and {@code -v}'s timings.
   */
  ProgressView progress(boolean machineReadable, int verbosity, boolean color) {
    String forced = environment.env().getOrDefault("TRUSTCHAIN_PROGRESS", "");
    ProgressView view;
    if (forced.equals("off") || (machineReadable && forced.isEmpty())) {
      view = ProgressView.quiet(err);
    } else if (forced.equals("tty") || (forced.isEmpty() && environment.terminal())) {
      view = new LiveProgress(err, columns(), color);
    } else {
      view = new PlainProgress(err, java.time.Clock.systemDefaultZone());
    }
    return verbosity >= 1 ? ProgressView.with(view, List.of(new Timings(err))) : view;
  }

  private int columns() {
    try {
      return Integer.parseInt(environment.env().getOrDefault("COLUMNS", "").strip());
    } catch (NumberFormatException e) {
      return TerminalSize.columns().orElse(80);
    }
  }
}
