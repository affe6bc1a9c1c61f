package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved plans (invariant 5): plan --out, apply PLANFILE, stale hosts and changed documents refused. */
class SavedPlanTest {

  @TempDir Path dir;

  private static final String SITE = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

  @Test
  void applyingASavedPlanAppliesExactlyItsChangesThenThePlanIsEmpty() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result plan = ws.run("plan", "--out", "plan.json", "--detailed-exitcode", SITE);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("Saved the plan to plan.json. To apply exactly these changes: trustchain apply plan.json");
    String saved = Files.readString(dir.resolve("plan.json"));
    assertThat(saved).contains("\"format_version\": 1", "\"facts_digest\"", "\"desired_digest\"", "\"source\"");

    LabWorkspace.Result apply = ws.run("apply", "plan.json");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Applying the saved plan plan.json")
        .contains("Apply complete: 3 added, 2 changed, 1 removed, 1 pending");

    LabWorkspace.Result again = ws.run("plan", "--detailed-exitcode", SITE);
    assertThat(again.code()).as(again.toString()).isZero();
  }
}
