package io.trustchain.run;

import io.trustchain.diag.Diagnostics;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowSpec;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.escrow.EscrowStores;
import io.trustchain.facts.FactsRequest;
import io.trustchain.playbook.Play;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.spi.BoundResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Part of the Load stage: which escrow store each host's resources use. A resource that needs
 * escrow ({@link io.trustchain.spi.ResourceModule#needs} names escrow items) takes its play's
 * {@code escrow:} store; a play without one is an error at the resource, and two plays giving one
 * host different stores is an error at the second store. Each distinct store is opened once.
 */
final class EscrowBinding {

  /** The host variable that puts a host's escrow items in another vault store (the fleet's twin). */
  static final String OVERRIDE = "trustchain_escrow_path";

  private record Chosen(EscrowSpec spec, String play) {}

  private final VaultKeyring keyring;
  private final Map<String, Chosen> perHost = new HashMap<>();
  private final List<EscrowSpec> opened = new ArrayList<>();
  private final Map<EscrowSpec, EscrowStore> stores = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  EscrowBinding(VaultKeyring keyring) {
    this.keyring = keyring;
  }

  /** Notes the store {@code play} gives {@code host} for {@code bound}, its resources there. */
  void note(String host, Play play, List<BoundResource<?>> bound, Diagnostics diagnostics) {
    for (BoundResource<?> r : bound) {
      Set<String> items = needs(r).escrowItems();
      if (items.isEmpty()) {
        continue;
      }
      if (play.escrow() == null) {
        if (reported.add("missing " + r.at() + " " + r.address())) {
          diagnostics.error(r.at(), r.address() + " keeps " + String.join(", ", items) + " in an escrow store, and"
              + " the play \"" + play.name() + "\" configures none",
              "add to the play: escrow: {store: vault, path: ../escrow} (Ansible-Vault files) or"
                  + " escrow: {store: command, command: \"…\"}");
        }
        continue;
      }
      Chosen earlier = perHost.putIfAbsent(host, new Chosen(play.escrow(), play.name()));
      if (earlier != null && !earlier.spec().sameStoreAs(play.escrow())
          && reported.add("conflict " + host + " " + play.escrow().at())) {
        diagnostics.error(play.escrow().at(), host + " would keep its secrets in two escrow stores: the "
            + earlier.spec().describe() + " of play \"" + earlier.play() + "\" and the " + play.escrow().describe()
            + " of play \"" + play.name() + "\"", "give every play that targets " + host + " the same escrow: mapping");
      }
    }
  }

  /**
   * {@code needs} with {@code host}'s escrow store attached (when it has one). {@code override} (the host
   * variable {@value #OVERRIDE}, a folder) puts the host's items in the vault store there instead of the play's:
   * the fleet's twin sets it, so a rehearsal never reads or writes production escrow.
   */
  FactsRequest attach(String host, FactsRequest needs, Optional<Path> override, Diagnostics diagnostics) {
    Chosen chosen = perHost.get(host);
    if (chosen == null || needs.escrowItems().isEmpty()) {
      return needs;
    }
    EscrowSpec spec = chosen.spec();
    if (override.isPresent()) {
      spec = EscrowSpec.vault(override.get(), null, spec.workDir(), spec.at());
    }
    EscrowStore store = open(spec, diagnostics);
    return store == null ? needs : needs.withEscrow(store);
  }

  private EscrowStore open(EscrowSpec spec, Diagnostics diagnostics) {
    for (EscrowSpec known : opened) {
      if (known.sameStoreAs(spec)) {
        return stores.get(known);
      }
    }
    opened.add(spec);
    try {
      EscrowStore store = EscrowStores.open(spec, keyring);
      stores.put(spec, store);
      return store;
    } catch (EscrowException e) {
      diagnostics.error(spec.at(), e.getMessage());
      stores.put(spec, null);
      return null;
    }
  }

  private static <P extends Record> FactsRequest needs(BoundResource<P> r) {
    FactsRequest needed = r.module().needs(r.params());
    return needed == null ? FactsRequest.none() : needed;
  }
}
