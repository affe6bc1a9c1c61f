package io.trustchain.inventory;

import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.yaml.DuplicateKeys;
import io.trustchain.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code group_vars/} and {@code host_vars/} beside an inventory file (or inside an inventory
 * directory), found as Ansible's {@code host_group_vars} plugin finds them: for a name, the first
 * of {@code NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} that exists; when that is
 * a directory, every file under it (no extension or one of those three; hidden and {@code ~}
 * files skipped; subdirectories without an extension searched too) merged in lexical order.
 */
final class VarsFiles {

  static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private final Path base;
  private final VaultKeyring keyring;
  private final Diagnostics diagnostics;
  private final Map<SecretRef.Vault, String> vaultTexts;
  private final Map<String, Map<String, SourceRange>> positions = new java.util.HashMap<>();

  VarsFiles(Path base, VaultKeyring keyring, Diagnostics diagnostics, Map<SecretRef.Vault, String> vaultTexts) {
    this.base = base;
    this.keyring = keyring;
    this.diagnostics = diagnostics;
    this.vaultTexts = vaultTexts;
  }

  /** The variables {@code group_vars/NAME…} gives each of {@code names} (absent names map to nothing). */
  Map<String, Map<String, Object>> groupVars(Collection<String> names) {
    return load("group_vars", names, "group");
  }

  Map<String, Map<String, Object>> hostVars(Collection<String> names) {
    return load("host_vars", names, "host");
  }

  private Map<String, Map<String, Object>> load(String subdir, Collection<String> names, String what) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    Path dir = base.resolve(subdir);
    if (!Files.exists(dir)) {
      return out;
    }
    if (!Files.isDirectory(dir)) {
      diagnostics.warning(SourceRange.of(dir, 1, 1), subdir + " is not a directory, so Ansible and trustchain skip it");
      return out;
    }
    for (String name : names) {
      if (name.startsWith("/")) {
        continue;
      }
      Map<String, Object> vars = new LinkedHashMap<>();
      Map<String, SourceRange> at = new java.util.HashMap<>();
      for (Path file : find(dir, name)) {
        read(file, at).ifPresent(vars::putAll);
      }
      if (!vars.isEmpty()) {
        out.put(name, vars);
        positions.put(subdir + "/" + name, at);
      }
    }
    warnUnmatched(dir, subdir, names, what);
    return out;
  }

  private static List<Path> find(Path dir, String name) {
    for (String ext : Stream.concat(Stream.of(""), EXTENSIONS.stream()).toList()) {
      Path candidate;
      try {
        candidate = dir.resolve(name + ext);
      } catch (InvalidPathException e) {
        return List.of();
      }
      if (Files.isDirectory(candidate)) {
        List<Path> found = new ArrayList<>();
        walk(candidate, found);
        return found;
      }
      if (Files.exists(candidate)) {
        return List.of(candidate);
      }
    }
    return List.of();
  }

  private static void walk(Path dir, List<Path> found) {
    for (Path entry : InventoryFiles.sortedEntries(dir)) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || name.endsWith("~")) {
        continue;
      }
      String ext = InventoryFiles.extension(name);
      if (Files.isDirectory(entry) && ext.isEmpty()) {
        walk(entry, found);
      } else if (Files.isRegularFile(entry) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
        found.add(entry);
      }
    }
  }

  /** Where {@code group_vars/NAME} or {@code host_vars/NAME} (as {@code subdir}) wrote each variable. */
  Map<String, SourceRange> positions(String subdir, String name) {
    return positions.getOrDefault(subdir + "/" + name, Map.of());
  }

  /** One vars file's mapping (each value's position into {@code at}); empty files give nothing, as in Ansible. */
  Optional<Map<String, Object>> read(Path file, Map<String, SourceRange> at) {
    Optional<SourceText> source = SourceText.read(file, keyring, diagnostics);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    SourceText text = source.get();
    Diagnostics sink = text.sink(diagnostics);
    try {
      List<Node> docs = YamlSource.parse(file, text.text(), sink);
      if (docs.isEmpty()) {
        return Optional.empty();
      }
      if (docs.size() > 1) {
        sink.error(YamlSource.start(file, docs.get(1)), "a vars file holds one YAML document, found " + docs.size(),
            "remove the extra --- separators");
      }
      Node root = docs.get(0);
      DuplicateKeys.check(file, root, sink);
      InventoryValues values = new InventoryValues(file, sink, InventoryFiles.isJson(text.text()), vaultTexts);
      if (root instanceof MappingNode map) {
        if (!text.decrypted()) {
          at.putAll(values.positions(map));
        }
        return Optional.of(values.mapping(map));
      }
      if (values.value(root) == null) {
        return Optional.empty();
      }
      sink.error(YamlSource.start(file, root), file.getFileName() + " must be a mapping of variable names to values",
          "write one name: value pair per line");
      return Optional.empty();
    } finally {
      text.drain(sink, diagnostics);
    }
  }

  /** Warns about entries that name no group or host: Ansible ignores them silently, a typo goes unseen. */
  private void warnUnmatched(Path dir, String subdir, Collection<String> names, String what) {
    for (Path entry : InventoryFiles.sortedEntries(dir)) {
      String file = entry.getFileName().toString();
      if (file.startsWith(".") || file.endsWith("~")) {
        continue;
      }
      String ext = InventoryFiles.extension(file);
      String stripped = EXTENSIONS.contains(ext) ? file.substring(0, file.length() - ext.length()) : file;
      if (names.contains(file) || names.contains(stripped)) {
        continue;
      }
      if (!ext.isEmpty() && !EXTENSIONS.contains(ext) && !Files.isDirectory(entry)) {
        continue;
      }
      String hint = DidYouMean.hint(stripped, names);
      diagnostics.add(io.trustchain.diag.Diagnostic.warning(SourceRange.of(entry, 1, 1),
          subdir + "/" + file + " matches no " + what + " in the inventory, so its variables are not used")
          .withHint(hint));
    }
  }
}
