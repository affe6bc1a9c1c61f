package io.trustchain.facts;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the play's escrow store holds for this host, read on the controller (never from the Mac):
 * the items the resources asked about ({@link FactsRequest#escrowItems()}).
 *
 * @param store the store, as configured ({@code vault escrow store /path}), or null when none is
 * @param items by item name ({@code personal_recovery_key})
 */
public record EscrowFacts(String store, Map<String, EscrowedItem> items) {

  public EscrowFacts {
    items = items == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(items));
  }

  public Optional<EscrowedItem> item(String name) {
    return Optional.ofNullable(items.get(name));
  }

  /** These facts with {@code name} replaced. */
  public EscrowFacts with(String name, EscrowedItem item) {
    Map<String, EscrowedItem> next = new TreeMap<>(items);
    next.put(name, item);
    return new EscrowFacts(store, next);
  }
}
