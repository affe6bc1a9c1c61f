package io.trustchain.playbook;

import io.trustchain.diag.Diagnostics;
import io.trustchain.escrow.EscrowSpec;
import io.trustchain.template.Templater;
import io.trustchain.yaml.YamlMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a play's {@code escrow:} mapping: {@code store: vault} with {@code path} (a folder,
 * relative to the playbook) and an optional {@code vault_id}, or {@code store: command} with
 * {@code command} and an optional {@code read_command} (run in the playbook's folder). Its values
 * are not templated.
 */
final class EscrowReader {

  static final List<String> KEYS = List.of("store", "path", "vault_id", "command", "read_command");
  private static final String HINT = "write escrow: {store: vault, path: ../escrow} or"
      + " escrow: {store: command, command: \"…\", read_command: \"…\"}";

  private EscrowReader() {}

  static Optional<EscrowSpec> read(YamlMapping map, Diagnostics diagnostics) {
    int errors = diagnostics.errorCount();
    java.util.Set<String> misspelt = new java.util.HashSet<>();
    for (String unknown : map.rejectUnknownKeys(KEYS, "escrow key")) {
      io.trustchain.diag.DidYouMean.closest(unknown, KEYS).ifPresent(misspelt::add);
    }
    map.require("store");
    Optional<String> store = map.string("store");
    Optional<String> path = map.string("path");
    Optional<String> vaultId = map.string("vault_id");
    Optional<String> command = map.string("command");
    Optional<String> readCommand = map.string("read_command");
    for (String key : KEYS) {
      map.string(key).filter(Templater::isTemplated).ifPresent(v ->
          diagnostics.error(map.valueAt(key), "escrow settings are not templated: " + key + " is \"" + v + "\"",
              "write the value itself"));
    }
    if (store.isEmpty()) {
      return Optional.empty();
    }
    Path folder = map.file().toAbsolutePath().getParent();
    EscrowSpec.Kind kind;
    switch (store.get().strip().toLowerCase(Locale.ROOT)) {
      case "vault" -> {
        kind = EscrowSpec.Kind.VAULT;
        if ((path.isEmpty() || path.get().isBlank()) && !misspelt.contains("path")) {
          diagnostics.error(map.start(), "a vault escrow store needs path: the folder that holds its files",
              "write escrow: {store: vault, path: ../escrow}");
        }
        onlyFor(map, diagnostics, "vault", "command", "read_command");
      }
      case "command" -> {
        kind = EscrowSpec.Kind.COMMAND;
        if ((command.isEmpty() || command.get().isBlank()) && !misspelt.contains("command")) {
          diagnostics.error(map.start(), "a command escrow store needs command: the program that takes each"
              + " secret on its standard input", HINT);
        }
        onlyFor(map, diagnostics, "command", "path", "vault_id");
      }
      default -> {
        diagnostics.error(map.valueAt("store"), "unknown escrow store \"" + store.get() + "\"",
            "store is vault (Ansible-Vault-encrypted files) or command (an external program)");
        return Optional.empty();
      }
    }
    if (diagnostics.errorCount() > errors || (kind == EscrowSpec.Kind.VAULT ? path : command).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(kind == EscrowSpec.Kind.VAULT
        ? EscrowSpec.vault(folder.resolve(path.get()).normalize(), vaultId.orElse(null), folder, map.start())
        : EscrowSpec.command(command.get(), readCommand.orElse(null), folder, map.start()));
  }

  private static void onlyFor(YamlMapping map, Diagnostics diagnostics, String store, String... keys) {
    for (String key : keys) {
      if (map.has(key)) {
        diagnostics.error(map.keyAt(key), key + " does not apply to a " + store + " escrow store", HINT);
      }
    }
  }
}
