package io.trustchain.escrow;

import java.time.Instant;

/**
 * That a host's item is in the store, and since when, without its value.
 *
 * @param escrowedAt when trustchain stored it, or null when the store does not record dates
 * @param createdAt when the Mac made it (the Mac's clock, as printed), or null when unknown
 */
public record EscrowStatus(String host, String item, Instant escrowedAt, String createdAt) {

  public EscrowStatus {
    EscrowKeys.check(host, item);
  }
}
