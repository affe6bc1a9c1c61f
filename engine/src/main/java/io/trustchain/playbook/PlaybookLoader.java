package io.trustchain.playbook;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DocumentText;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.yaml.DuplicateKeys;
import io.trustchain.yaml.YamlSource;
import io.trustchain.yaml.YamlTypes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads a playbook (a YAML list of plays) and checks everything that does not depend on a host:
 * play keys, the credential, modules and their parameters (unknown names with "did you mean",
 * types, required parameters, enum values, secrets, the module's own checks). Every problem is
 * reported, never just the first.
 */
public final class PlaybookLoader {

  private final ModuleRegistry registry;
  private final VaultKeyring keyring;

  /** @param keyringOrNull opens vault-encrypted vars files; null when no vault password is configured */
  public PlaybookLoader(ModuleRegistry registry, VaultKeyring keyringOrNull) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.keyring = keyringOrNull;
  }

  /** The playbook, or empty when it has errors (all of them added to {@code diagnostics}). */
  public Optional<Playbook> load(Path file, Diagnostics diagnostics) {
    Diagnostics local = new Diagnostics();
    Optional<Playbook> playbook = read(file, local);
    diagnostics.addAll(local);
    return local.hasErrors() ? Optional.empty() : playbook;
  }

  private Optional<Playbook> read(Path file, Diagnostics diagnostics) {
    byte[] bytes;
    try {
      Optional<byte[]> read = DocumentText.read(file, diagnostics);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      bytes = read.get();
    } catch (NoSuchFileException e) {
      diagnostics.error(null, "playbook " + file + " does not exist", "check the path");
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(null, "cannot read playbook " + file + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    Optional<String> text = DocumentText.decode(file, bytes, diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<Node> docs = YamlSource.parse(file, text.get(), diagnostics);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    if (docs.isEmpty()) {
      diagnostics.error(SourceRange.of(file, 1, 1), "the playbook is empty; expected a list of plays",
          "start a play with \"- name: …\"");
      return Optional.empty();
    }
    if (docs.size() > 1) {
      diagnostics.error(YamlSource.start(file, docs.get(1)), "expected one YAML document, found " + docs.size(),
          "put each playbook in its own file");
    }
    Node root = docs.get(0);
    DuplicateKeys.check(file, root, diagnostics);
    if (!(root instanceof SequenceNode plays)) {
      diagnostics.error(YamlSource.start(file, root), "expected a list of plays, got " + YamlTypes.describe(root),
          "start each play with \"- name: …\"");
      return Optional.empty();
    }
    List<byte[]> varsFiles = new ArrayList<>();
    PlayReader reader = new PlayReader(file, registry, keyring, diagnostics, varsFiles::add);
    List<Play> out = new ArrayList<>();
    for (Node play : plays.getValue()) {
      reader.read(play).ifPresent(out::add);
    }
    if (plays.getValue().isEmpty()) {
      diagnostics.warning(YamlSource.start(file, root), "the playbook has no plays");
    }
    return Optional.of(new Playbook(file, out, sha256(bytes, varsFiles)));
  }

  /** SHA-256 over the playbook's bytes followed by each vars file's bytes as stored. */
  static String sha256(byte[] playbook, List<byte[]> varsFiles) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(playbook);
      varsFiles.forEach(digest::update);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
