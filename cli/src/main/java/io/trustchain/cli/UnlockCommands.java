package io.trustchain.cli;

import io.trustchain.run.LockInspector;
import io.trustchain.run.RunIdentity;
import io.trustchain.transport.ShellQuote;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The exact command that breaks a run's apply locks on the hosts this invocation targets, as the lock
 * reports of {@code plan} and {@code apply} print it: {@code trustchain apply --force-unlock RUN} with the
 * same inventory, {@code --limit}, {@code --shard} and playbooks (or the same saved plan).
 */
final class UnlockCommands {

  private UnlockCommands() {}

  static LockInspector inspector(RunIdentity me, Path inventory, Optional<String> limit, String shard,
      List<Path> playbooks) {
    StringBuilder rest = new StringBuilder();
    if (inventory != null) {
      rest.append(" -i ").append(ShellQuote.quote(inventory.toString()));
    }
    limit.ifPresent(l -> rest.append(" --limit ").append(ShellQuote.quote(l)));
    if (shard != null) {
      rest.append(" --shard ").append(ShellQuote.quote(shard));
    }
    playbooks.forEach(p -> rest.append(' ').append(ShellQuote.quote(p.toString())));
    String tail = rest.toString();
    return new LockInspector(me, id -> "trustchain apply --force-unlock " + id + tail);
  }

  static LockInspector forSavedPlan(RunIdentity me, String planFile) {
    String tail = " " + ShellQuote.quote(planFile);
    return new LockInspector(me, id -> "trustchain apply --force-unlock " + id + tail);
  }
}
