package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.escrow.EscrowSpec;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.yaml.YamlMapping;
import io.trustchain.yaml.YamlSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one play of a playbook. */
final class PlayReader {

  static final List<String> KEYS = List.of("name", "hosts", "vars", "vars_files", "credential", "escrow", "resources");
  static final Set<String> ANSIBLE_TASK_KEYS =
      Set.of("tasks", "roles", "become", "gather_facts", "handlers", "pre_tasks", "post_tasks");

  private final Path file;
  private final ModuleRegistry registry;
  private final VaultKeyring keyring;
  private final Diagnostics diagnostics;
  private final Consumer<byte[]> stored;

  PlayReader(Path file, ModuleRegistry registry, VaultKeyring keyring, Diagnostics diagnostics,
      Consumer<byte[]> stored) {
    this.file = file;
    this.registry = registry;
    this.keyring = keyring;
    this.diagnostics = diagnostics;
    this.stored = stored;
  }

  Optional<Play> read(Node node) {
    Optional<YamlMapping> mapping = YamlMapping.of(node, file, diagnostics, "a play");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping play = mapping.get();
    for (String key : play.keys()) {
      if (ANSIBLE_TASK_KEYS.contains(key)) {
        diagnostics.error(play.keyAt(key), "unsupported play key \"" + key + "\": trustchain plays declare"
            + " resources, not tasks; see README", "describe the desired state under \"resources:\"");
      }
    }
    play.rejectUnknownKeys(union(KEYS, ANSIBLE_TASK_KEYS), "play key");
    play.require("name", "hosts", "credential");
    Optional<String> name = play.string("name");
    Optional<String> hosts = hosts(play);
    Map<String, Object> vars = new LinkedHashMap<>();
    play.mapping("vars").ifPresent(m -> vars.putAll(VarsReader.vars(m, diagnostics)));
    vars.putAll(varsFiles(play));
    Optional<CredentialSpec> credential = play.mapping("credential").flatMap(m -> CredentialReader.read(m, diagnostics));
    EscrowSpec escrow = play.mapping("escrow").flatMap(m -> EscrowReader.read(m, diagnostics)).orElse(null);
    List<ResourceSpec> resources = play.list("resources")
        .map(items -> ResourceReader.read(items, file, registry, diagnostics))
        .orElse(List.of());
    if (!play.has("resources")) {
      diagnostics.add(Diagnostic.warning(play.start(), "play declares no resources"));
    }
    if (name.isEmpty() || hosts.isEmpty() || credential.isEmpty()) {
      return Optional.empty();
    }
    CredentialSpec spec = credential.get();
    Credential fixed = spec.isStatic() ? new Credential(spec.user(), spec.password(), spec.at()) : null;
    return Optional.of(new Play(name.get(), hosts.get(), vars, fixed, resources, file, play.start(), spec, escrow));
  }

  /** {@code hosts:} as a pattern string, or a list of patterns joined with {@code :}. */
  private Optional<String> hosts(YamlMapping play) {
    Optional<Node> node = play.get("hosts");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> pattern = node.get() instanceof SequenceNode
        ? play.strings("hosts").map(list -> String.join(":", list))
        : play.string("hosts");
    if (pattern.isPresent() && pattern.get().isBlank()) {
      diagnostics.error(play.valueAt("hosts"), "hosts must name a host, a group or a pattern, got nothing",
          "write hosts: all to target every host");
      return Optional.empty();
    }
    return pattern.map(String::strip);
  }

  private Map<String, Object> varsFiles(YamlMapping play) {
    Map<String, Object> vars = new LinkedHashMap<>();
    play.list("vars_files").ifPresent(items -> {
      for (Node item : items) {
        if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
          diagnostics.error(YamlSource.start(file, item), "expected the path of a vars file");
          continue;
        }
        vars.putAll(VarsReader.file(file, s.getValue(), YamlSource.start(file, item), keyring, diagnostics, stored));
      }
    });
    return vars;
  }

  private static List<String> union(List<String> a, Set<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
