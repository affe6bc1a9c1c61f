package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultFile;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.yaml.DuplicateKeys;
import io.trustchain.yaml.YamlMapping;
import io.trustchain.yaml.YamlSource;
import io.trustchain.yaml.YamlValues;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a play's {@code vars} mapping and its {@code vars_files} (plain or vault-encrypted). */
final class VarsReader {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private VarsReader() {}

  /** The variables of a mapping; values through {@link YamlValues}, so {@code !secret}/{@code !vault} work. */
  static Map<String, Object> vars(YamlMapping map, Diagnostics diagnostics) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String key : map.keys()) {
      if (!NAME.matcher(key).matches()) {
        diagnostics.error(map.keyAt(key), "invalid variable name \"" + key + "\"",
            "use letters, digits and underscores, starting with a letter or underscore");
        continue;
      }
      vars.put(key, YamlValues.toValue(map.get(key).orElseThrow(), map.file(), diagnostics));
    }
    return vars;
  }

  /**
   * The variables of one vars file, resolved against the playbook's folder; a vault-encrypted file is
   * decrypted and its diagnostics show no snippets.
   *
   * @param stored receives the file's bytes as stored (for the playbook's digest)
   */
  static Map<String, Object> file(Path playbook, String name, SourceRange at, VaultKeyring keyring,
      Diagnostics diagnostics, Consumer<byte[]> stored) {
    Path path = playbook.toAbsolutePath().getParent().resolve(name).normalize();
    VaultFile file;
    try {
      file = VaultFile.read(path, keyring);
    } catch (NoSuchFileException e) {
      diagnostics.error(at, "vars file " + name + " does not exist (looked for " + path + ")",
          "vars_files paths are relative to the playbook's folder");
      return Map.of();
    } catch (IOException e) {
      diagnostics.error(at, "cannot read vars file " + name + " (" + e.getClass().getSimpleName() + ")");
      return Map.of();
    } catch (SecretException e) {
      diagnostics.error(at, e.getMessage());
      return Map.of();
    }
    stored.accept(file.stored());
    Diagnostics local = new Diagnostics();
    List<Node> docs = YamlSource.parse(path, file.text(), local);
    Map<String, Object> vars = Map.of();
    if (docs.size() > 1) {
      local.error(YamlSource.start(path, docs.get(1)), "expected one YAML document in a vars file, found " + docs.size());
    }
    if (!docs.isEmpty()) {
      DuplicateKeys.check(path, docs.get(0), local);
      vars = YamlMapping.of(docs.get(0), path, local, "variables").map(m -> vars(m, local)).orElse(Map.of());
    }
    for (Diagnostic d : local.all()) {
      diagnostics.add(file.encrypted() ? d.withoutSnippet() : d);
    }
    return vars;
  }
}
