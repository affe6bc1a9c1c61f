package io.trustchain.macos.filevault;

/**
 * The personal recovery key.
 *
 * @param escrow collect it from fdesetup's output plist and keep it in the play's escrow store
 *     (default true); false enables FileVault without one ({@code -norecoverykey})
 * @param rotateAfterDays make a new one ({@code fdesetup changerecovery -personal}) once the escrowed
 *     one is this many days old (by the Mac's clock); null: never by age
 * @param rotateIfCreatedBefore make a new one when the escrowed one was made before this date
 *     ({@code 2026-05-01} or an ISO-8601 instant): rotation on demand, idempotent
 */
public record RecoveryKeyParams(Boolean escrow, Integer rotateAfterDays, String rotateIfCreatedBefore) {

  static final RecoveryKeyParams ESCROWED = new RecoveryKeyParams(true, null, null);

  public RecoveryKeyParams {
    escrow = escrow == null || escrow;
  }
}
