package io.trustchain.run;

import io.trustchain.inventory.Inventory;
import io.trustchain.playbook.Playbook;
import java.util.List;

/** The documents of a run, checked, and the hosts they target. */
public record Loaded(Inventory inventory, List<Playbook> playbooks, List<Target> targets, String documentsDigest) {

  public Loaded {
    playbooks = List.copyOf(playbooks);
    targets = List.copyOf(targets);
  }
}
