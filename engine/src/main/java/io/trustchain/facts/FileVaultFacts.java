package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * FileVault as {@code fdesetup} reports it. A field is null when the Mac's output did not give it;
 * reading a field that was not understood throws {@link NotUnderstoodException} (fact path
 * {@code filevault.FIELD}).
 *
 * @param status {@code on}, {@code off}, {@code encrypting} or {@code decrypting}
 * @param progressPercent while encrypting or decrypting, else null
 * @param deferral null when no deferred enablement is active
 * @param unlockUsers short names from {@code fdesetup list}, only of local accounts (rows that name
 *     none are in the host's {@code unmatched})
 * @param pendingRecoveryPlist true when the deferral's output plist (with a new recovery key) is on
 *     disk, waiting to be escrowed
 */
public record FileVaultFacts(
    String status,
    Double progressPercent,
    Deferral deferral,
    List<String> unlockUsers,
    Boolean personalRecoveryKey,
    Boolean institutionalRecoveryKey,
    Boolean pendingRecoveryPlist,
    @JsonIgnore Unknowns unknowns) {

  public FileVaultFacts {
    unlockUsers = unlockUsers == null ? List.of() : List.copyOf(unlockUsers);
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at("filevault");
  }

  /** Fully understood FileVault facts. */
  public FileVaultFacts(String status, Double progressPercent, Deferral deferral, List<String> unlockUsers,
      Boolean personalRecoveryKey, Boolean institutionalRecoveryKey, Boolean pendingRecoveryPlist) {
    this(status, progressPercent, deferral, unlockUsers, personalRecoveryKey, institutionalRecoveryKey,
        pendingRecoveryPlist, Unknowns.NONE);
  }

  /** This record seeing the host's not-understood entries (facts package only: the assembler). */
  FileVaultFacts attach(Unknowns host) {
    return new FileVaultFacts(status, progressPercent, deferral, unlockUsers, personalRecoveryKey,
        institutionalRecoveryKey, pendingRecoveryPlist, host);
  }

  public static FileVaultFacts unknown() {
    return new FileVaultFacts("off", null, null, List.of(), false, false, false);
  }

  @Override
  public String status() {
    unknowns.check("status");
    return status;
  }

  @Override
  public Double progressPercent() {
    unknowns.check("progress_percent");
    return progressPercent;
  }

  /** The deferral as read, for the assembler (no decision). */
  Deferral deferralAsRead() {
    return deferral;
  }

  @Override
  public Deferral deferral() {
    unknowns.check("deferral");
    return deferral;
  }

  @Override
  public List<String> unlockUsers() {
    unknowns.check("unlock_users");
    return unlockUsers;
  }

  @Override
  public Boolean personalRecoveryKey() {
    unknowns.check("personal_recovery_key");
    return personalRecoveryKey;
  }

  @Override
  public Boolean institutionalRecoveryKey() {
    unknowns.check("institutional_recovery_key");
    return institutionalRecoveryKey;
  }

  @Override
  public Boolean pendingRecoveryPlist() {
    unknowns.check("pending_recovery_plist");
    return pendingRecoveryPlist;
  }
}
