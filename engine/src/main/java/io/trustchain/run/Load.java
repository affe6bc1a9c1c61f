package io.trustchain.run;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.facts.FactsRequest;
import io.trustchain.inventory.ConnectionDefaults;
import io.trustchain.inventory.ConnectionProblem;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.inventory.ConnectionSpecResult;
import io.trustchain.inventory.ConnectionSpecs;
import io.trustchain.inventory.Host;
import io.trustchain.inventory.HostPattern;
import io.trustchain.inventory.HostSelection;
import io.trustchain.inventory.Inventory;
import io.trustchain.inventory.InventoryLoader;
import io.trustchain.planner.Planner;
import io.trustchain.playbook.Play;
import io.trustchain.playbook.PlayBinding;
import io.trustchain.playbook.Playbook;
import io.trustchain.playbook.PlaybookLoader;
import io.trustchain.playbook.ResourceBinder;
import io.trustchain.playbook.SecretCheck;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.LabHost;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.template.TemplateException;
import io.trustchain.template.Templater;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Load stage: inventory and playbooks into per-host targets (resources bound for each host,
 * connection specs from templated Ansible variables, lab twins), with every problem collected into
 * the diagnostics and nothing connected.
 */
public final class Load {

  private final ModuleRegistry registry;
  private final Templater templater;
  private final Map<String, String> env;
  private final Path cwd;
  private Optional<String> remoteUser = Optional.empty();
  private Optional<Path> privateKey = Optional.empty();
  private Optional<io.trustchain.secret.SecretRef> becomePassword = Optional.empty();
  private ConnectionDefaults defaults;
  private Map<String, Object> extraVars = Map.of();
  private Map<String, Set<String>> rotate = Map.of();

  public Load(ModuleRegistry registry, Templater templater, Map<String, String> env, Path cwd) {
    this.registry = registry;
    this.templater = templater;
    this.env = env;
    this.cwd = cwd;
  }

  /** {@code --rotate HOST:USER}: host → the users whose managed password is rotated now. */
  public Load withRotation(Map<String, Set<String>> hostUsers) {
    this.rotate = Map.copyOf(hostUsers);
    return this;
  }

  /** {@code -e} extra vars: over the inventory's and the plays' variables, connection variables included. */
  public Load withExtraVars(Map<String, Object> vars) {
    this.extraVars = Map.copyOf(vars);
    return this;
  }

  /** The command line's {@code -u USER} and {@code --private-key FILE}: below the inventory's variables. */
  public Load withConnection(Optional<String> user, Optional<Path> key,
      Optional<io.trustchain.secret.SecretRef> becomePassword) {
    this.remoteUser = user;
    this.privateKey = key.map(cwd::resolve);
    this.becomePassword = becomePassword;
    return this;
  }

  public Optional<Inventory> inventory(Path path, VaultKeyring keyring, Diagnostics diagnostics) {
    return new InventoryLoader(keyring).load(path, diagnostics);
  }

  /** The run described by {@code playbooks} against {@code inventory}, limited by {@code limit}. */
  public Optional<Loaded> load(Path inventoryPath, List<Path> playbookPaths, Optional<String> limit,
      VaultKeyring keyring, Diagnostics diagnostics) {
    Optional<Inventory> inventory = inventory(inventoryPath, keyring, diagnostics);
    PlaybookLoader loader = new PlaybookLoader(registry, keyring);
    List<Playbook> playbooks = new ArrayList<>();
    for (Path p : playbookPaths) {
      loader.load(p, diagnostics).ifPresent(playbooks::add);
    }
    if (inventory.isEmpty() || diagnostics.hasErrors()) {
      return Optional.empty();
    }
    Inventory inv = inventory.get();
    Optional<Set<String>> limited = limitHosts(inv, limit, diagnostics);
    ResourceBinder binder = new ResourceBinder(registry, templater).withSecretCheck(new SecretCheck(env, keyring))
        .withExtraVars(extraVars);
    Map<String, List<BoundResource<?>>> perHost = new LinkedHashMap<>();
    for (Host h : inv.hosts()) {
      perHost.put(h.name(), new ArrayList<>());
    }
    Set<String> targeted = new LinkedHashSet<>();
    EscrowBinding escrow = new EscrowBinding(keyring);
    for (Playbook playbook : playbooks) {
      for (Play play : playbook.plays()) {
        PlayBinding binding = binder.prepare(play);
        for (Host host : select(inv, play, diagnostics)) {
          if (limited.isPresent() && !limited.get().contains(host.name())) {
            continue;
          }
          targeted.add(host.name());
          List<BoundResource<?>> bound = binding.bind(host.name(), hostVars(inv, host), diagnostics);
          perHost.get(host.name()).addAll(bound);
          escrow.note(host.name(), play, bound, diagnostics);
        }
      }
    }
    List<Target> targets = new ArrayList<>();
    for (Host host : inv.hosts()) {
      if (targeted.contains(host.name())) {
        List<BoundResource<?>> resources = perHost.get(host.name());
        FactsRequest needs = escrow.attach(host.name(), new Planner().needs(resources),
            escrowOverride(inv, host, diagnostics), diagnostics)
            .forHost(host.name(), rotate.getOrDefault(host.name(), Set.of()));
        target(inv, host, resources, needs, diagnostics).ifPresent(targets::add);
      }
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new Loaded(inv, playbooks, targets, digest(playbooks)));
  }

  /** Every inventory host within {@code limit}, with nothing to plan (for {@code facts}). */
  public Optional<List<Target>> hosts(Inventory inv, Optional<String> limit, Diagnostics diagnostics) {
    Optional<Set<String>> limited = limitHosts(inv, limit, diagnostics);
    List<Target> targets = new ArrayList<>();
    for (Host host : inv.hosts()) {
      if (limited.isEmpty() || limited.get().contains(host.name())) {
        target(inv, host, List.of(), FactsRequest.none(), diagnostics).ifPresent(targets::add);
      }
    }
    return diagnostics.hasErrors() ? Optional.empty() : Optional.of(targets);
  }

  private Optional<Set<String>> limitHosts(Inventory inv, Optional<String> limit, Diagnostics diagnostics) {
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    try {
      HostSelection selection = HostPattern.parse(limit.get()).select(inv);
      if (selection.hosts().isEmpty()) {
        diagnostics.error(null, "--limit " + limit.get() + " matches no host in " + inv.source(),
            "check the host and group names (trustchain inventory --graph lists them)");
      }
      return Optional.of(Set.copyOf(selection.hostNames()));
    } catch (IllegalArgumentException e) {
      diagnostics.error(null, "--limit " + limit.get() + ": " + e.getMessage());
      return Optional.of(Set.of());
    }
  }

  private List<Host> select(Inventory inv, Play play, Diagnostics diagnostics) {
    try {
      HostSelection selection = HostPattern.parse(play.hosts()).select(inv);
      if (!selection.unmatched().isEmpty()) {
        diagnostics.warning(play.at(), "hosts: " + String.join(", ", selection.unmatched())
            + " matched no host in " + inv.source().getFileName());
      }
      return selection.hosts();
    } catch (IllegalArgumentException e) {
      diagnostics.error(play.at(), "hosts: " + e.getMessage());
      return List.of();
    }
  }

  /** The folder of {@code trustchain_escrow_path} (templated, relative to the working directory), if set. */
  private Optional<Path> escrowOverride(Inventory inv, Host host, Diagnostics diagnostics) {
    Map<String, Object> vars = hostVars(inv, host);
    Object raw = vars.get(EscrowBinding.OVERRIDE);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      Object value = templater.render(raw, vars);
      if (value instanceof String folder && !folder.isBlank()) {
        return Optional.of(cwd.resolve(folder).toAbsolutePath().normalize());
      }
      diagnostics.error(host.declaredAt(), host.name() + ": " + EscrowBinding.OVERRIDE + " must be a folder");
    } catch (TemplateException e) {
      diagnostics.error(host.declaredAt(), host.name() + ": " + EscrowBinding.OVERRIDE + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private Map<String, Object> hostVars(Inventory inv, Host host) {
    Map<String, Object> vars = new LinkedHashMap<>(host.vars());
    vars.putAll(extraVars);
    vars.putAll(inv.magicVars(host));
    return vars;
  }

  private Optional<Target> target(Inventory inv, Host host, List<BoundResource<?>> resources, FactsRequest needs,
      Diagnostics diagnostics) {
    Map<String, Object> vars = hostVars(inv, host);
    Map<String, Object> rendered = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      if (e.getKey().startsWith("ansible_") || e.getKey().startsWith("trustchain_")) {
        try {
          rendered.put(e.getKey(), templater.render(e.getValue(), vars));
        } catch (TemplateException ex) {
          diagnostics.error(host.declaredAt(), host.name() + ": " + e.getKey() + ": " + ex.getMessage());
        }
      }
    }
    ConnectionSpecResult result = ConnectionSpecs.from(host.name(), rendered, defaults(diagnostics));
    for (ConnectionProblem p : result.problems()) {
      diagnostics.error(host.declaredAt(), p.toString());
    }
    if (result.spec().isEmpty()) {
      return Optional.empty();
    }
    ConnectionSpec spec = result.spec().get();
    return Optional.of(new Target(host.name(), spec, resources, needs, labHost(host, spec, rendered, diagnostics)));
  }

  /** The controller's defaults, read once per load ({@code ~/.ssh/config} problems are diagnostics). */
  private synchronized ConnectionDefaults defaults(Diagnostics diagnostics) {
    if (defaults == null) {
      try {
        defaults = ConnectionDefaults.of(env, cwd);
      } catch (java.io.IOException | RuntimeException e) {
        Path file = ConnectionDefaults.home(env).resolve(".ssh/config");
        diagnostics.error(null, "cannot read " + file + ": " + e.getMessage(),
            "fix or move the file; trustchain reads its HostName, User, Port, IdentityFile and ProxyJump");
        defaults = ConnectionDefaults.plain(env, cwd);
      }
      defaults = defaults.withCommandLine(remoteUser, privateKey).withBecomePassword(becomePassword);
    }
    return defaults;
  }

  private Optional<LabHost> labHost(Host host, ConnectionSpec spec, Map<String, Object> vars, Diagnostics diagnostics) {
    Object scenario = vars.get("trustchain_lab_scenario");
    if (scenario == null) {
      return Optional.empty();
    }
    SourceRange at = host.declaredAt();
    if (!(scenario instanceof String s) || s.isBlank()) {
      diagnostics.error(at, host.name() + ": trustchain_lab_scenario must be the path of a scenario file");
      return Optional.empty();
    }
    Object state = vars.get("trustchain_lab_state");
    Path stateDir = state instanceof String st && !st.isBlank() ? cwd.resolve(st).normalize()
        : cwd.resolve(".trustchain/lab");
    Path key = spec.privateKeyFile().orElse(stateDir.resolve("id_ed25519"));
    Path scenarioPath = cwd.resolve(s).normalize();
    if (!java.nio.file.Files.isRegularFile(scenarioPath)) {
      diagnostics.error(at, host.name() + ": lab scenario " + scenarioPath + " does not exist",
          "trustchain_lab_scenario names a file under lab/scenarios/");
      return Optional.empty();
    }
    return Optional.of(new LabHost(host.name(), spec.address(), spec.port(), scenarioPath, stateDir,
        spec.knownHostsFile(), key, spec.user()));
  }

  private static String digest(List<Playbook> playbooks) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Playbook p : playbooks) {
        sha.update(p.sha256().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
