package io.trustchain.run;

import io.trustchain.diag.Diagnostic;
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
import io.trustchain.secret.SecretResolver;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.plan.PlanProblem;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.DocumentValidator;
import io.trustchain.spi.LabHost;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.WayIn;
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
  private final List<DocumentValidator> documentValidators;
  private Optional<String> remoteUser = Optional.empty();
  private Optional<Path> privateKey = Optional.empty();
  private Optional<io.trustchain.secret.SecretRef> becomePassword = Optional.empty();
  private ConnectionDefaults defaults;
  private Map<String, Object> extraVars = Map.of();
  private SecretResolver secrets;
  private Map<String, Set<String>> rotate = Map.of();
  private java.time.Instant rotationAsked;

  public Load(ModuleRegistry registry, Templater templater, Map<String, String> env, Path cwd) {
    this(registry, templater, env, cwd, List.of());
  }

  /** @param documentValidators the safety invariants knowable from the documents alone (the way in) */
  public Load(ModuleRegistry registry, Templater templater, Map<String, String> env, Path cwd,
      List<DocumentValidator> documentValidators) {
    this.registry = registry;
    this.templater = templater;
    this.env = env;
    this.cwd = cwd;
    this.documentValidators = List.copyOf(documentValidators);
  }

  /** {@code --rotate HOST:USER}: host → the users whose managed password is rotated now. */
  public Load withRotation(Map<String, Set<String>> hostUsers) {
    this.rotate = Map.copyOf(hostUsers);
    this.rotationAsked = java.time.Instant.now();
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
    SecretCheck secretCheck = secretCheck(keyring);
    ResourceBinder binder = new ResourceBinder(registry, templater).withSecretCheck(secretCheck)
        .withExtraVars(extraVars);
    Map<String, List<BoundResource<?>>> perHost = new LinkedHashMap<>();
    for (Host h : inv.hosts()) {
      perHost.put(h.name(), new ArrayList<>());
    }
    Set<String> targeted = new LinkedHashSet<>();
    List<Diagnostic> emptyPlays = new ArrayList<>();
    EscrowBinding escrow = new EscrowBinding(keyring);
    Diagnostics bindings = new Diagnostics(); // one mistake, many hosts: merged below
    for (Playbook playbook : playbooks) {
      for (Play play : playbook.plays()) {
        PlayBinding binding = binder.prepare(play);
        for (Host host : select(inv, play, diagnostics, emptyPlays)) {
          if (limited.isPresent() && !limited.get().contains(host.name())) {
            continue;
          }
          targeted.add(host.name());
          List<BoundResource<?>> bound = binding.bind(host.name(), hostVars(inv, host), bindings);
          perHost.get(host.name()).addAll(bound);
          escrow.note(host.name(), play, bound, diagnostics);
        }
      }
    }
    HostDiagnostics.merge(bindings, diagnostics);
    Map<String, Set<String>> rotation = rotation(inv, perHost, targeted, diagnostics);
    List<Target> targets = new ArrayList<>();
    for (Host host : inv.hosts()) {
      if (targeted.contains(host.name())) {
        List<BoundResource<?>> resources = perHost.get(host.name());
        FactsRequest needs = escrow.attach(host.name(), new Planner().needs(resources),
            escrowOverride(inv, host, diagnostics), diagnostics)
            .forHost(host.name(), rotation.getOrDefault(host.name(), Set.of()), rotationAsked);
        target(inv, host, resources, needs, diagnostics, secretCheck).ifPresent(t -> {
          checkDocuments(t, diagnostics);
          targets.add(t);
        });
      }
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new Loaded(inv, playbooks, targets, digest(playbooks), emptyPlays));
  }

  /** Every inventory host within {@code limit}, with nothing to plan (for {@code facts}). */
  public Optional<List<Target>> hosts(Inventory inv, Optional<String> limit, Diagnostics diagnostics) {
    Optional<Set<String>> limited = limitHosts(inv, limit, diagnostics);
    List<Target> targets = new ArrayList<>();
    for (Host host : inv.hosts()) {
      if (limited.isEmpty() || limited.get().contains(host.name())) {
        target(inv, host, List.of(), FactsRequest.none(), diagnostics, null).ifPresent(targets::add);
      }
    }
    return diagnostics.hasErrors() ? Optional.empty() : Optional.of(targets);
  }

  /** The invariants the documents alone can break, as errors at the resources' positions (once each). */
  private void checkDocuments(Target target, Diagnostics diagnostics) {
    for (DocumentValidator v : documentValidators) {
      for (PlanProblem p : v.validate(target.host(), target.wayIn(), target.resources())) {
        Diagnostic d = new Diagnostic(io.trustchain.diag.Severity.ERROR, p.message(), p.at(), p.hint(), true);
        if (!diagnostics.all().contains(d)) {
          diagnostics.add(d);
        }
      }
    }
  }

  /**
   * This load resolving secrets with {@code resolver}: pass the run's, so that what validation fetched (a
   * {@code command:} run, a vault value opened) is what the run sends, fetched once.
   */
  public Load withSecrets(SecretResolver resolver) {
    this.secrets = resolver;
    return this;
  }

  private SecretCheck secretCheck(VaultKeyring keyring) {
    return secrets != null ? new SecretCheck(secrets) : new SecretCheck(env, keyring);
  }

  /**
   * {@code --rotate PATTERN:USER} → host → users. A pattern that matches no targeted host, or a user whose
   * password no resource of that host manages, is an error: a rotation asked for never passes silently.
   */
  private Map<String, Set<String>> rotation(Inventory inv, Map<String, List<BoundResource<?>>> perHost,
      Set<String> targeted, Diagnostics diagnostics) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    rotate.forEach((pattern, users) -> {
      Set<String> hosts;
      try {
        hosts = new java.util.TreeSet<>(HostPattern.parse(pattern).select(inv).hostNames());
      } catch (IllegalArgumentException e) {
        diagnostics.error(null, "--rotate " + pattern + ": " + e.getMessage());
        return;
      }
      hosts.retainAll(targeted);
      if (hosts.isEmpty()) {
        diagnostics.error(null, "--rotate " + pattern + ":… matches no host the playbooks target",
            "check the host and group names (trustchain inventory --graph lists them) and --limit");
      }
      for (String user : users) {
        List<String> without = hosts.stream().filter(h -> !new Planner().needs(perHost.get(h)).managed().users()
            .contains(user)).toList();
        if (!without.isEmpty()) {
          diagnostics.error(null, "--rotate " + pattern + ":" + user + ": no resource manages the password of "
              + user + " on " + String.join(", ", without), "declare managed_password on user[" + user + "]");
        }
        hosts.forEach(h -> out.computeIfAbsent(h, k -> new java.util.TreeSet<>()).add(user));
      }
    });
    return out;
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

  /**
   * The play's hosts. A term of its pattern that matches nothing is a warning; a pattern that matches no host
   * at all goes to {@code emptyPlays} (an error unless {@code --allow-empty}). Both with a "did you mean" from
   * the inventory's groups and hosts.
   */
  private List<Host> select(Inventory inv, Play play, Diagnostics diagnostics, List<Diagnostic> emptyPlays) {
    try {
      HostSelection selection = HostPattern.parse(play.hosts()).select(inv);
      String hint = HostNames.hint(inv, selection.unmatched());
      if (selection.hosts().isEmpty()) {
        emptyPlays.add(Diagnostic.error(play.at(), "hosts: \"" + play.hosts() + "\" matches no host in "
            + inv.source().getFileName(), hint == null ? "trustchain inventory --graph lists the groups and hosts"
            : hint));
      } else if (!selection.unmatched().isEmpty()) {
        diagnostics.add(Diagnostic.warning(play.at(), "hosts: " + String.join(", ", selection.unmatched())
            + " matched no host in " + inv.source().getFileName()).withHint(hint));
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

  /** @param secretCheck resolves the become password too (null: not checked, e.g. for {@code facts}) */
  private Optional<Target> target(Inventory inv, Host host, List<BoundResource<?>> resources, FactsRequest needs,
      Diagnostics diagnostics, SecretCheck secretCheck) {
    Map<String, Object> vars = hostVars(inv, host);
    Map<String, Object> rendered = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      if (e.getKey().startsWith("ansible_") || e.getKey().startsWith("trustchain_")) {
        try {
          rendered.put(e.getKey(), templater.render(e.getValue(), vars));
        } catch (TemplateException ex) {
          diagnostics.error(host.varAt(e.getKey()).orElse(host.declaredAt()),
              host.name() + ": " + e.getKey() + ": " + ex.getMessage());
        }
      }
    }
    ConnectionSpecResult result = ConnectionSpecs.from(host.name(), rendered, defaults(diagnostics));
    for (ConnectionProblem p : result.problems()) {
      diagnostics.error(host.varAt(p.variable()).orElse(host.declaredAt()), p.toString());
    }
    if (result.spec().isEmpty()) {
      return Optional.empty();
    }
    ConnectionSpec spec = result.spec().get();
    if (secretCheck != null && spec.become()) {
      spec.becomePassword().ifPresent(ref -> secretCheck.check(ref, host.declaredAt(), diagnostics));
    }
    boolean wayInChange = optIn(host, rendered.get(WayIn.OPT_IN), diagnostics);
    return Optional.of(new Target(host.name(), spec, resources, needs.withUser(spec.user()),
        labHost(host, spec, rendered, diagnostics), wayInChange));
  }

  /** {@code trustchain_allow_way_in_change}: a boolean (Ansible's spellings), false when unset. */
  private static boolean optIn(Host host, Object value, Diagnostics diagnostics) {
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
    if (Set.of("true", "yes", "on", "1").contains(text)) {
      return true;
    }
    if (!Set.of("false", "no", "off", "0", "").contains(text)) {
      diagnostics.error(host.declaredAt(), host.name() + ": " + WayIn.OPT_IN + " must be true or false, not \""
          + value + "\"");
    }
    return false;
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
