package io.trustchain.macos.filevault;

import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Required;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code filevault} resource: FileVault on the boot volume.
 *
 * @param enabled on or off; required, so FileVault is turned off only when a document says
 *     {@code enabled: false} (safety invariant 3)
 * @param enableWith {@code deferred} (at a user's next login or logout) or {@code immediate} (now,
 *     over SSH, with the credential); defaults to deferred when {@code deferred} is given
 * @param deferred the deferred enablement
 * @param unlockUsers the users who unlock FileVault, as an exact set; null: not managed
 * @param userPasswords passwords of users that {@code fdesetup add} must add (checked with
 *     {@code dscl . -authonly} first)
 * @param personalRecoveryKey what happens to the personal recovery key (default: escrowed)
 * @param institutionalRecoveryKey an institutional recovery key from a certificate
 * @param allowNoRecoveryPath turn FileVault on although neither an escrowed personal key nor an
 *     institutional key exists (explicit opt-out of safety invariant 3)
 */
public record FileVaultParams(
    @Required Boolean enabled,
    EnableWith enableWith,
    DeferredParams deferred,
    List<String> unlockUsers,
    Map<String, SecretRef> userPasswords,
    RecoveryKeyParams personalRecoveryKey,
    InstitutionalKeyParams institutionalRecoveryKey,
    Boolean allowNoRecoveryPath) {

  /** {@code deferred} or {@code immediate} in YAML. */
  public enum EnableWith {
    DEFERRED,
    IMMEDIATE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FileVaultParams {
    if (enableWith == null && deferred != null) {
      enableWith = EnableWith.DEFERRED;
    }
    unlockUsers = unlockUsers == null ? null : List.copyOf(unlockUsers);
    userPasswords = userPasswords == null ? Map.of() : Map.copyOf(userPasswords);
    personalRecoveryKey = personalRecoveryKey == null ? RecoveryKeyParams.ESCROWED : personalRecoveryKey;
    allowNoRecoveryPath = Boolean.TRUE.equals(allowNoRecoveryPath);
  }

  /** Whether the personal recovery key goes to the escrow store. */
  boolean escrows() {
    return Boolean.TRUE.equals(enabled) && personalRecoveryKey.escrow();
  }

  boolean deferredEnablement() {
    return enableWith == EnableWith.DEFERRED;
  }
}
