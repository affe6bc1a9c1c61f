package io.trustchain.run;

import io.trustchain.diag.Diagnostic;
import io.trustchain.inventory.Inventory;
import io.trustchain.playbook.Playbook;
import java.util.List;

/**
 * The documents of a run, checked, and the hosts they target.
 *
 * @param emptyPlays one error per play whose {@code hosts:} pattern matches no host of the inventory
 *     (with a "did you mean" from its groups and hosts): the commands refuse to go on with them unless
 *     {@code --allow-empty} is given, so a typo never reads as "No changes"
 */
public record Loaded(Inventory inventory, List<Playbook> playbooks, List<Target> targets, String documentsDigest,
    List<Diagnostic> emptyPlays) {

  public Loaded {
    playbooks = List.copyOf(playbooks);
    targets = List.copyOf(targets);
    emptyPlays = List.copyOf(emptyPlays);
  }

  public Loaded(Inventory inventory, List<Playbook> playbooks, List<Target> targets, String documentsDigest) {
    this(inventory, playbooks, targets, documentsDigest, List.of());
  }

  /** These documents with only {@code subset} of the targets (a shard). */
  public Loaded withTargets(List<Target> subset) {
    return new Loaded(inventory, playbooks, subset, documentsDigest, emptyPlays);
  }
}
