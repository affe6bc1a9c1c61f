package io.trustchain.inventory;

import io.trustchain.diag.Diagnostics;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultKeyring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Paths of the inventory fixtures and a keyring double that knows their vault files. */
final class Fixtures {

  /** Read from the source tree, not the classpath: Maven's resource copy drops files like {@code x.yml~}. */
  static final Path ROOT = Path.of("src/test/resources/inventory").toAbsolutePath();
  static final Path VAULT_PASSWORD = ROOT.resolve("vault-password.txt");

  /** Plaintexts of the fixtures' vault envelopes (what ansible-vault decrypts them to). */
  private static final Map<Path, String> PLAINTEXTS = Map.of(
      ROOT.resolve("compare/vault/group_vars/all.yml"),
      "# encrypted as a whole with ansible-vault\nvault_escrow_token: plaintext-inside-the-vault\n"
          + "fleet_secret_count: 3\n");

  private Fixtures() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  /**
   * Stands in for the real keyring (written elsewhere): opens exactly the fixtures' vault files,
   * refuses everything else the way a wrong password would.
   */
  static VaultKeyring keyring() {
    return (envelope, origin) -> {
      for (Map.Entry<Path, String> e : PLAINTEXTS.entrySet()) {
        if (read(e.getKey()).strip().equals(envelope.strip())) {
          return e.getValue().getBytes(StandardCharsets.UTF_8);
        }
      }
      throw new SecretException("no vault password opens " + origin);
    };
  }

  /** A keyring whose password is wrong for everything. */
  static VaultKeyring wrongKeyring() {
    return (envelope, origin) -> {
      throw new SecretException("the vault password does not open " + origin);
    };
  }

  static Inventory load(Path path) {
    Diagnostics diagnostics = new Diagnostics();
    return new InventoryLoader(keyring()).load(path, diagnostics)
        .orElseThrow(() -> new AssertionError("inventory " + path + " has errors: " + diagnostics));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
