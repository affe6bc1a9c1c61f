package io.trustchain.escrow;

import io.trustchain.secret.VaultKeyring;
import java.util.Objects;

/** Opens the store an {@link EscrowSpec} names (no disk or program is touched until it is used). */
public final class EscrowStores {

  private EscrowStores() {}

  /**
   * @param keyringOrNull the run's vault passwords; a vault store needs one
   * @throws EscrowException a vault store without a vault password (or without the one its vault_id
   *     names)
   */
  public static EscrowStore open(EscrowSpec spec, VaultKeyring keyringOrNull) throws EscrowException {
    Objects.requireNonNull(spec, "spec == null");
    return switch (spec.store()) {
      case VAULT -> {
        if (keyringOrNull == null || !keyringOrNull.isConfigured()) {
          throw new EscrowException("the vault escrow store " + spec.path() + " encrypts with a vault password,"
              + " and none is configured; pass --vault-password-file FILE or --vault-id LABEL@FILE (or set"
              + " vault_password_file in ansible.cfg)");
        }
        try {
          keyringOrNull.encrypt("trustchain".getBytes(java.nio.charset.StandardCharsets.US_ASCII), spec.vaultId());
        } catch (io.trustchain.secret.SecretException e) {
          throw new EscrowException("the vault escrow store " + spec.path() + " cannot encrypt: " + e.getMessage());
        }
        yield new VaultEscrowStore(spec.path(), keyringOrNull, spec.vaultId());
      }
      case COMMAND -> new CommandEscrowStore(spec.command(), spec.readCommand(), spec.workDir());
    };
  }
}
