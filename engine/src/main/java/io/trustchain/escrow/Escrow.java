package io.trustchain.escrow;

import java.util.Objects;
import java.util.Optional;

/**
 * The one way secrets go into a store: write, then read back and compare, before anyone may delete
 * the original. A store that cannot read back is trusted on its word (its program exited 0).
 */
public final class Escrow {

  private Escrow() {}

  /** What became of an entry. */
  public enum Outcome {
    /** Written and read back: identical. */
    READ_BACK,
    /** Written; the store cannot read back, so its word (exit 0) is all there is. */
    STORED_UNVERIFIED
  }

  /**
   * Puts {@code entry} into {@code store} and reads it back.
   *
   * @throws EscrowException the write failed, or the read-back is missing or differs: the original
   *     must be kept
   */
  public static Outcome putAndVerify(EscrowStore store, EscrowEntry entry) throws EscrowException {
    Objects.requireNonNull(store, "store == null");
    Objects.requireNonNull(entry, "entry == null");
    store.put(entry);
    if (!store.canRead()) {
      return Outcome.STORED_UNVERIFIED;
    }
    Optional<EscrowEntry> back = store.get(entry.host(), entry.item());
    if (back.isEmpty()) {
      throw new EscrowException("the " + store.describe() + " took " + entry.item() + " of " + entry.host()
          + " but reading it back found nothing; the Mac's copy is kept");
    }
    char[] value = back.get().value().reveal();
    try {
      if (!entry.value().matches(value)) {
        throw new EscrowException("the " + store.describe() + " gives back a different " + entry.item() + " for "
            + entry.host() + " than the one written; the Mac's copy is kept");
      }
    } finally {
      java.util.Arrays.fill(value, '\0');
      back.get().value().destroy();
    }
    return Outcome.READ_BACK;
  }
}
