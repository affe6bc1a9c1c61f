package io.trustchain.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trustchain.cli.LabArtifact;
import io.trustchain.cli.StartupTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload that trains the checkout's start-up cache of the connecting commands: ping, facts and plan of
 * the site playbook succeed against simulated Macs it serves itself, and it leaves nothing behind. If it broke,
 * {@code ./trustchain} would quietly run those commands without their cache.
 */
class StartupTrainingTest {

  @Test
  void pingFactsAndPlanSucceedAndTheScratchFolderIsLeftEmpty(@TempDir Path scratch) throws Exception {
    int failed = StartupTraining.train(LabWorkspace.REPO, scratch, LabArtifact.system());

    assertEquals(0, failed, "commands of the training workload that did not exit 0 (stderr says which)");
    try (Stream<Path> left = Files.list(scratch)) {
      assertEquals(0, left.count(), "the training left files in its scratch folder");
    }
  }
}
