package io.trustchain.macos.user;

import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.ManagedPasswords;

/** The escrow facts once a managed password's change has run: the current entry escrowed, accepted, new; no pending. */
final class ManagedPasswordProjection {

  private ManagedPasswordProjection() {}

  static HostFacts settled(HostFacts facts, String user) {
    EscrowFacts escrow = facts.escrow();
    if (escrow == null) {
      return facts;
    }
    return facts.withEscrow(escrow.with(ManagedPasswords.current(user), new EscrowedItem(true, null, null, 0, true,
        false)).with(ManagedPasswords.pending(user), EscrowedItem.missing()));
  }
}
