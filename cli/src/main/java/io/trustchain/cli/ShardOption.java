package io.trustchain.cli;

import io.trustchain.run.Shard;
import io.trustchain.run.Target;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --shard I/N}: only the I-th of N deterministic parts of the hosts (CI matrices, indexed jobs). */
public final class ShardOption {

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Only the I-th of N parts of the hosts (1-based; the split depends only on the host names). "
          + "For CI matrices and Kubernetes indexed jobs (I = JOB_COMPLETION_INDEX + 1).")
  String shard;

  Optional<Shard> shard() {
    if (shard == null || shard.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Shard.parse(shard));
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
  }

  static List<Target> select(Optional<Shard> shard, List<Target> targets) {
    return shard.map(s -> s.select(targets, Target::host)).orElse(targets);
  }
}
