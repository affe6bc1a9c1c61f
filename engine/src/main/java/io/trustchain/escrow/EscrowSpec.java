package io.trustchain.escrow;

import io.trustchain.diag.SourceRange;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A play's {@code escrow:} mapping, as written: which store keeps the secrets taken from its
 * Macs.
 *
 * <pre>
 * escrow: {store: vault, path: ../escrow, vault_id: escrow}       # Ansible-Vault files
 * escrow: {store: command, command: "…", read_command: "…"}       # an external program
 * </pre>
 *
 * @param path the vault store's folder, resolved against the playbook's folder (vault only)
 * @param vaultId the label of the vault password that encrypts, or null for the first (vault only)
 * @param command the program that takes a secret on stdin (command only)
 * @param readCommand the program that prints a stored secret, or null (command only)
 * @param workDir where commands run: the playbook's folder
 * @param at where the mapping is written, for messages
 */
public record EscrowSpec(Kind store, Path path, String vaultId, String command, String readCommand, Path workDir,
    SourceRange at) {

  /** The kinds of store, as written after {@code store:}. */
  public enum Kind {
    VAULT, COMMAND;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public EscrowSpec {
    Objects.requireNonNull(store, "store == null");
    Objects.requireNonNull(workDir, "workDir == null");
    if (store == Kind.VAULT && path == null) {
      throw new IllegalArgumentException("a vault escrow store needs a path");
    }
    if (store == Kind.COMMAND && (command == null || command.isBlank())) {
      throw new IllegalArgumentException("a command escrow store needs a command");
    }
  }

  public static EscrowSpec vault(Path path, String vaultId, Path workDir, SourceRange at) {
    return new EscrowSpec(Kind.VAULT, path, vaultId, null, null, workDir, at);
  }

  public static EscrowSpec command(String command, String readCommand, Path workDir, SourceRange at) {
    return new EscrowSpec(Kind.COMMAND, null, null, command, readCommand, workDir, at);
  }

  /** Whether both name the same store (positions aside). */
  public boolean sameStoreAs(EscrowSpec other) {
    return other != null && store == other.store && Objects.equals(path, other.path)
        && Objects.equals(vaultId, other.vaultId) && Objects.equals(command, other.command)
        && Objects.equals(readCommand, other.readCommand) && Objects.equals(workDir, other.workDir);
  }

  /** {@code vault store ../escrow} or {@code command store (CMD)}. */
  public String describe() {
    return store == Kind.VAULT ? "vault store " + path : "command store (" + command + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
