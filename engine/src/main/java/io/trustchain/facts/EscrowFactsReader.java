package io.trustchain.facts;

import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStatus;
import io.trustchain.escrow.EscrowStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a host's escrow items from the store (on the controller) into {@link EscrowFacts}. Ages are
 * measured on the Mac's clock: from the key's {@code created_at} (the Mac's own date for it), else
 * from {@code escrowed_at}.
 */
final class EscrowFactsReader {

  /** {@code EnabledDate} as fdesetup writes it in its output plist (S42). */
  private static final DateTimeFormatter PLIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  private EscrowFactsReader() {}

  static EscrowFacts read(EscrowStore store, String host, Set<String> items, Instant macNow)
      throws FactParseException {
    Map<String, EscrowedItem> out = new LinkedHashMap<>();
    if (store == null) {
      items.forEach(i -> out.put(i, EscrowedItem.unknown()));
      return new EscrowFacts(null, out);
    }
    for (String item : items) {
      if (!store.canRead()) {
        out.put(item, EscrowedItem.unknown());
        continue;
      }
      Optional<EscrowStatus> status;
      try {
        status = store.status(host, item);
      } catch (EscrowException e) {
        throw new FactParseException(store.describe(), "cannot read " + item + " of " + host + ": " + e.getMessage(),
            null);
      }
      out.put(item, status.map(s -> item(s, macNow)).orElse(EscrowedItem.missing()));
    }
    return new EscrowFacts(store.describe(), out);
  }

  private static EscrowedItem item(EscrowStatus s, Instant macNow) {
    Instant from = created(s.createdAt()).orElse(s.escrowedAt());
    Integer age = from == null || macNow == null ? null : (int) Math.max(0, Duration.between(from, macNow).toDays());
    return new EscrowedItem(true, s.escrowedAt() == null ? null : s.escrowedAt().toString(), s.createdAt(), age);
  }

  /** {@code 2019-11-04 18:06:29 +0100} (S42) or ISO-8601; empty when neither. */
  static Optional<Instant> created(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), PLIST_DATE).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
