package io.trustchain.facts;

import java.util.List;

/**
 * FileVault as {@code fdesetup} reports it.
 *
 * @param status {@code on}, {@code off}, {@code encrypting} or {@code decrypting}
 * @param progressPercent while encrypting or decrypting, else null
 * @param deferral null when no deferred enablement is active
 * @param unlockUsers short names from {@code fdesetup list}
 * @param pendingRecoveryPlist true when the deferral's output plist (with a new recovery key) is on
 *     disk, waiting to be escrowed
 */
public record FileVaultFacts(
    String status,
    Double progressPercent,
    Deferral deferral,
    List<String> unlockUsers,
    boolean personalRecoveryKey,
    boolean institutionalRecoveryKey,
    boolean pendingRecoveryPlist) {

  public FileVaultFacts {
    unlockUsers = unlockUsers == null ? List.of() : List.copyOf(unlockUsers);
  }

  public static FileVaultFacts unknown() {
    return new FileVaultFacts("off", null, null, List.of(), false, false, false);
  }
}
