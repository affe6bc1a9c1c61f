package io.trustchain.escrow;

import io.trustchain.secret.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One escrowed secret of one host: the value and what is known about it. {@code toString()} shows
 * no value ({@link Secret} prints {@code (sensitive)}).
 *
 * @param item what it is, e.g. {@code personal_recovery_key}
 * @param escrowedAt when trustchain wrote it to the store (the controller's clock), or null when
 *     the store does not record it
 * @param createdAt when the Mac made it (the output plist's {@code EnabledDate}, the Mac's clock, as
 *     printed), or null when unknown
 * @param details further non-secret facts from the Mac ({@code serial_number}, {@code
 *     hardware_uuid}, {@code enabled_user}), sorted by name
 */
public record EscrowEntry(
    String host, String item, Secret value, Instant escrowedAt, String createdAt, Map<String, String> details) {

  public EscrowEntry {
    EscrowKeys.check(host, item);
    Objects.requireNonNull(value, "value == null");
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /** What the entry says without its value. */
  public EscrowStatus status() {
    return new EscrowStatus(host, item, escrowedAt, createdAt);
  }
}
