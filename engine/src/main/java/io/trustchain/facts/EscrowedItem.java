package io.trustchain.facts;

/**
 * One escrow item of a host.
 *
 * @param escrowed true when the store holds it; null when the store cannot tell (a command store
 *     without {@code read_command})
 * @param escrowedAt when trustchain stored it (ISO-8601, the controller's clock), or null
 * @param createdAt when the Mac made it (the output plist's {@code EnabledDate}, as printed), or null
 * @param ageDays whole days since it was made (else since it was escrowed), by the Mac's clock; null
 *     when unknown
 * @param authenticates for a managed password: whether the Mac accepts it (checked in the facts exec, the
 *     value on stdin); null when not checked
 * @param rotationRequested for a managed password: rotation was asked for on the command line
 *     ({@code --rotate HOST:USER})
 */
public record EscrowedItem(Boolean escrowed, String escrowedAt, String createdAt, Integer ageDays,
    Boolean authenticates, boolean rotationRequested) {

  public EscrowedItem(Boolean escrowed, String escrowedAt, String createdAt, Integer ageDays) {
    this(escrowed, escrowedAt, createdAt, ageDays, null, false);
  }

  public static EscrowedItem missing() {
    return new EscrowedItem(false, null, null, null);
  }

  public static EscrowedItem unknown() {
    return new EscrowedItem(null, null, null, null);
  }

  public boolean isEscrowed() {
    return Boolean.TRUE.equals(escrowed);
  }
}
