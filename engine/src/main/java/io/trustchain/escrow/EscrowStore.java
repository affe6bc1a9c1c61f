package io.trustchain.escrow;

import java.util.Optional;

/**
 * Where secrets taken from Macs are kept (FileVault personal recovery keys): one entry per host
 * and item, the latest replacing the one before. Implementations are thread-safe (hosts are applied
 * in parallel) and never put a secret value in a message.
 */
public interface EscrowStore {

  /** Stores {@code entry}, replacing the host's earlier entry for the same item. */
  void put(EscrowEntry entry) throws EscrowException;

  /**
   * The stored entry, read from the store itself (not from memory); empty when there is none.
   *
   * @throws EscrowException the store cannot be read, or {@link #canRead()} is false
   */
  Optional<EscrowEntry> get(String host, String item) throws EscrowException;

  /**
   * Removes {@code host}'s {@code item} (a settled pending secret); nothing happens when there is none. Stores
   * that cannot remove say so.
   */
  default void remove(String host, String item) throws EscrowException {
    throw new EscrowException("the " + describe() + " cannot remove entries; use the vault store for managed"
        + " passwords");
  }

  /** Whether entries can be read back (a {@code command} store without {@code read_command} cannot). */
  boolean canRead();

  /** The entry without its value; empty when there is none. */
  default Optional<EscrowStatus> status(String host, String item) throws EscrowException {
    return get(host, item).map(EscrowEntry::status);
  }

  /** The store as the documents configure it, for messages: {@code vault store escrow/}. */
  String describe();
}
