package io.trustchain.inventory;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.yaml.DuplicateKeys;
import io.trustchain.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads an Ansible inventory: a YAML file ({@code .yml}, {@code .yaml}, {@code .json}, or YAML
 * content without an extension), an INI file (anything else), or a directory whose inventory files
 * are all merged as Ansible merges them (sorted by name, subdirectories included; hidden files,
 * {@code group_vars}, {@code host_vars} and {@code .ini}/{@code .cfg}/{@code .md}/… skipped). The
 * {@code group_vars/} and {@code host_vars/} beside the file, or inside the directory, are applied.
 * Every problem is reported at once; nothing throws.
 */
public final class InventoryLoader {

  private static final Pattern IGNORED = Pattern.compile(
      "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
          + "|(?:\\.pyc|\\.pyo|\\.swp|\\.bak|~|\\.rpm|\\.md|\\.txt|\\.rst|\\.orig|\\.ini|\\.cfg|\\.retry)$");
  private static final List<String> YAML_EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private final VaultKeyring keyring;

  /** @param keyringOrNull opens vault-encrypted files; null when no vault password was given */
  public InventoryLoader(VaultKeyring keyringOrNull) {
    this.keyring = keyringOrNull;
  }

  /** The inventory at {@code path}, or empty when it has errors (all of them in {@code diagnostics}). */
  public Optional<Inventory> load(Path path, Diagnostics diagnostics) {
    int errorsBefore = diagnostics.errorCount();
    Path source = path.toAbsolutePath().normalize();
    if (!Files.exists(source)) {
      diagnostics.error(null, "inventory not found: " + path, path.toString().contains(",")
          ? "host lists such as -i mac01,mac02 are not supported: write the hosts in a YAML inventory"
          : "check the path given with -i");
      return Optional.empty();
    }
    InventoryGraph graph = new InventoryGraph();
    Map<SecretRef.Vault, String> vaultTexts = new HashMap<>();
    if (Files.isDirectory(source)) {
      directory(source, graph, diagnostics, vaultTexts, new HashSet<>());
    } else {
      file(source, graph, diagnostics, vaultTexts);
    }
    Path varsBase = Files.isDirectory(source) ? source : source.getParent();
    VarsFiles varsFiles = new VarsFiles(varsBase, keyring, diagnostics, vaultTexts);
    Inventory inventory = InventoryAssembler.assemble(source, graph, varsFiles, diagnostics, vaultTexts);
    return diagnostics.errorCount() > errorsBefore ? Optional.empty() : Optional.of(inventory);
  }

  private void directory(Path dir, InventoryGraph graph, Diagnostics diagnostics,
      Map<SecretRef.Vault, String> vaultTexts, Set<Path> visited) {
    try {
      if (!visited.add(dir.toRealPath())) {
        return;
      }
    } catch (IOException e) {
      diagnostics.error(SourceRange.of(dir, 1, 1), "cannot read directory " + dir + ": " + e.getMessage());
      return;
    }
    for (Path entry : InventoryFiles.sortedEntries(dir)) {
      String name = entry.getFileName().toString();
      if (IGNORED.matcher(name).find()) {
        if ((name.endsWith(".ini") || name.endsWith(".cfg")) && Files.isRegularFile(entry)) {
          diagnostics.warning(SourceRange.of(entry, 1, 1), "skipped " + name
              + ": Ansible ignores .ini and .cfg files inside an inventory directory");
        }
        continue;
      }
      if (Files.isDirectory(entry)) {
        directory(entry, graph, diagnostics, vaultTexts, visited);
      } else {
        file(entry, graph, diagnostics, vaultTexts);
      }
    }
  }

  private void file(Path file, InventoryGraph graph, Diagnostics diagnostics,
      Map<SecretRef.Vault, String> vaultTexts) {
    Optional<SourceText> read = SourceText.read(file, keyring, diagnostics);
    if (read.isEmpty()) {
      return;
    }
    SourceText source = read.get();
    SourceRange start = SourceRange.of(file, 1, 1);
    String ext = InventoryFiles.extension(file.getFileName().toString());
    if (source.text().startsWith("#!")) {
      diagnostics.error(start, "inventory scripts are not supported: " + file.getFileName(),
          "run the script once and save its output as a YAML inventory");
      return;
    }
    if (ext.equals(".toml")) {
      diagnostics.error(start, "TOML inventories are not supported: " + file.getFileName(),
          "convert it to YAML (ansible-inventory -i FILE --list --yaml)");
      return;
    }
    Diagnostics sink = source.sink(diagnostics);
    try {
      if (YAML_EXTENSIONS.contains(ext)) {
        yaml(source, YamlSource.parse(file, source.text(), sink), graph, sink, vaultTexts);
      } else if (ext.isEmpty() && looksLikeYaml(source)) {
        yaml(source, YamlSource.parse(file, source.text(), sink), graph, sink, vaultTexts);
      } else {
        IniInventoryParser.parse(graph, file, source.text(), sink);
      }
    } finally {
      source.drain(sink, diagnostics);
    }
  }

  /** Ansible tries YAML first for a file without extension, and INI when that fails. */
  private static boolean looksLikeYaml(SourceText source) {
    List<Node> docs = YamlSource.parse(source.file(), source.text(), new Diagnostics());
    return docs.size() == 1 && docs.get(0) instanceof MappingNode;
  }

  private static void yaml(SourceText source, List<Node> docs, InventoryGraph graph, Diagnostics diagnostics,
      Map<SecretRef.Vault, String> vaultTexts) {
    Path file = source.file();
    if (docs.isEmpty()) {
      return;
    }
    if (docs.size() > 1) {
      diagnostics.error(YamlSource.start(file, docs.get(1)), "an inventory file holds one YAML document, found "
          + docs.size(), "remove the extra --- separators");
    }
    Node root = docs.get(0);
    DuplicateKeys.check(file, root, diagnostics);
    InventoryValues values = new InventoryValues(file, diagnostics, InventoryFiles.isJson(source.text()), vaultTexts);
    if (!(root instanceof MappingNode map)) {
      if (values.value(root) != null) {
        diagnostics.error(YamlSource.start(file, root), "a YAML inventory must be a mapping of groups, found "
            + (root instanceof ScalarNode ? "a single value" : "a list"),
            "start with \"all:\" and put hosts: and children: under it");
      }
      return;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("plugin")) {
        diagnostics.error(YamlSource.start(file, key), "inventory plugin configurations are not supported",
            "export the inventory once with ansible-inventory -i FILE --list --yaml and use that file");
        return;
      }
    }
    YamlInventoryParser.parse(graph, file, map, diagnostics, values);
  }
}
