package io.trustchain.cli;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.trustchain.config.AnsibleConfig;
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
import io.trustchain.spi.PlanValidator;
import io.trustchain.template.Templater;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The collaborators every command uses, injected once: loading, sessions, output. */
final class Context {

  final CliEnvironment environment;
  final AnsibleConfig config;
  final PrintWriter out;
  final PrintWriter err;
  private final ModuleRegistry registry;
  private final Templater templater;
  private final Set<PlanValidator> validators;
  private final Prompts prompts;

  @Inject
  Context(CliEnvironment environment, AnsibleConfig config, ModuleRegistry registry, Templater templater,
      Set<PlanValidator> validators, @Named("out") PrintWriter out, @Named("err") PrintWriter err) {
    this.environment = environment;
    this.config = config;
    this.registry = registry;
    this.templater = templater;
    this.validators = validators;
    this.out = out;
    this.err = err;
    this.prompts = new Prompts(environment);
  }

  Session session(ConnectOptions options) {
    return new Session(environment, config, options, validators, prompts);
  }

  Load load() {
    return new Load(registry, templater, environment.env(), environment.cwd());
  }

  /** A loader with the command line's connection defaults ({@code -u}, {@code --private-key}, {@code -K}, {@code -e}). */
  Load load(ConnectOptions options, Session session) {
    return load().withConnection(options.user(config), options.privateKey(environment, config), session.becomePassword())
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
    return checked(diagnostics, load(options, session).load(inventory, playbooks, limit, session.keyring(), diagnostics));
  }

  /** {@code loaded} with only the targets of {@code shard}. */
  Loaded shard(Loaded loaded, Optional<io.trustchain.run.Shard> shard) {
    if (shard.isEmpty()) {
      return loaded;
    }
    return new Loaded(loaded.inventory(), loaded.playbooks(), ShardOption.select(shard, loaded.targets()),
        loaded.documentsDigest());
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

  RunListener progress(boolean machineReadable) {
    return !machineReadable && environment.terminal() ? new CounterProgress(err) : RunListener.NONE;
  }
}
