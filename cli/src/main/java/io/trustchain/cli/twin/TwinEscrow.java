package io.trustchain.cli.twin;

import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.VaultEscrowStore;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.ManagedPasswords;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultKeyring;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The twin's escrow store (a vault store in {@code DIR/escrow}, which the twin inventory points every host at):
 * for each item the real store held, an entry with the same dates and a generated value; the personal recovery
 * key is the twin Mac's own, so the twin's escrow is true to the twin.
 */
public final class TwinEscrow {

  private TwinEscrow() {}

  public static void write(Path dir, String host, HostFacts facts, String recoveryKey, Secret vaultPassword,
      TwinSecrets secrets) throws IOException {
    if (facts.escrow() == null) {
      return;
    }
    VaultKeyring keyring = new VaultKeyring() {
      @Override
      public byte[] decrypt(String envelope, String origin) throws SecretException {
        return AnsibleVault.decrypt(envelope, vaultPassword, origin);
      }

      @Override
      public boolean isConfigured() {
        return true;
      }

      @Override
      public String encrypt(byte[] plaintext, String vaultIdOrNull) {
        return AnsibleVault.encrypt(plaintext, vaultPassword, vaultIdOrNull);
      }
    };
    VaultEscrowStore store = new VaultEscrowStore(dir, keyring, null);
    for (Map.Entry<String, EscrowedItem> e : facts.escrow().items().entrySet()) {
      EscrowedItem item = e.getValue();
      if (!item.isEscrowed()) {
        continue;
      }
      String value = e.getKey().equals("personal_recovery_key") && recoveryKey != null ? recoveryKey
          : acceptedPassword(facts, e.getKey(), item, secrets);
      Instant at = item.escrowedAt() == null ? Instant.EPOCH : Instant.parse(item.escrowedAt());
      try {
        store.put(new EscrowEntry(host, e.getKey(), Secret.of(value), at, item.createdAt(), Map.of()));
      } catch (EscrowException ex) {
        throw new IOException("cannot write the twin's " + e.getKey() + " of " + host + ": " + ex.getMessage(), ex);
      }
    }
  }

  /**
   * A managed password the real Mac accepted is the twin account's own password (so the twin Mac accepts it too);
   * any other item (one the Mac refused, a pending one, a key) gets a fresh value the twin Mac does not know.
   */
  private static String acceptedPassword(HostFacts facts, String item, EscrowedItem escrowed, TwinSecrets secrets) {
    if (Boolean.TRUE.equals(escrowed.authenticates())) {
      for (io.trustchain.facts.UserFacts u : facts.users()) {
        if (ManagedPasswords.current(u.name()).equals(item) || ManagedPasswords.pending(u.name()).equals(item)) {
          return secrets.password(u.name());
        }
      }
    }
    return secrets.fresh();
  }
}
