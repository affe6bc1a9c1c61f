package io.trustchain.plan.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saved plan was made from, so that {@code apply PLANFILE} loads the same documents and can
 * tell whether they changed: the working directory (paths below are relative to it when they are
 * inside it), the inventory, the playbooks with the SHA-256 of their bytes (and vars files), the
 * host selection ({@code --limit}, {@code --shard}), per host the digest of its desired state, and
 * who made the plan. No secret value: secrets stay references in the plan's commands.
 */
public record PlanSource(
    String workingDir,
    String inventory,
    List<Document> playbooks,
    Optional<String> limit,
    Optional<String> shard,
    Map<String, String> desiredDigests,
    MadeBy madeBy) {

  /** A playbook and the digest of its bytes when the plan was made. */
  public record Document(String path, String sha256) {
    public Document {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(sha256, "sha256 == null");
    }
  }

  /** The run that made the plan. */
  public record MadeBy(String runId, String who, String controller, Optional<String> ci) {
    public MadeBy {
      Objects.requireNonNull(runId, "runId == null");
      Objects.requireNonNull(who, "who == null");
      Objects.requireNonNull(controller, "controller == null");
      Objects.requireNonNull(ci, "ci == null");
    }
  }

  public PlanSource {
    Objects.requireNonNull(workingDir, "workingDir == null");
    Objects.requireNonNull(inventory, "inventory == null");
    playbooks = List.copyOf(playbooks);
    Objects.requireNonNull(limit, "limit == null");
    Objects.requireNonNull(shard, "shard == null");
    desiredDigests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(desiredDigests));
    Objects.requireNonNull(madeBy, "madeBy == null");
  }
}
