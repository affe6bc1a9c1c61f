package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify after a drop: when an exec's connection drops, the run reaches the Mac again (bounded retries)
 * to gather, verify and release its lock, so a change that took effect is reported changed and
 * verified — never "0 changed" for a change that happened — and no lock is left behind.
 */
@Timeout(240)
class DropRecoveryTest {

  @TempDir Path dir;

  @Test
  void aGrantThatTookEffectBeforeTheDrop_isReportedChangedAndVerified() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-dropper", "faults/drop-mid-apply.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups).env("NO_COLOR", "1");
    Path playbook = ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--report-json", "report.json", playbook.toString());

    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("mac-dropper: converged")
        .contains("~ user[alice] changed")
        .contains("mac-dropper: note: an exec did not answer during apply (dropped); reached mac-dropper again (1 attempt)"
            + " to verify and release the lock")
        .contains("Apply complete: 0 added, 1 changed, 0 removed");
    assertThat(Files.readString(dir.resolve("report.json")))
        .contains("\"message\" : \"applied (verified after its exec never answered)\"");
    assertThat(LockTest.lockExists(ws, "mac-dropper", "faults/drop-mid-apply.yml")).isFalse();
    List<String> execs = ws.execs("mac-dropper");
    assertThat(execs).as("plan, the changes (dropped), verify and release on a new connection").hasSize(3);
    assertThat(execs.get(2)).contains("sw_vers").contains("rm -rf /var/db/trustchain/apply.lock")
        .doesNotContain("-secureTokenOn");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook.toString()).code()).isZero();
  }

  @Test
  void aDropBeforeTheRelease_isFollowedByVerifyAndTheReleaseOnAFreshConnection() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("headless", Map.of("mac-headless", "faults/drop-before-release.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups).env("NO_COLOR", "1");
    ws.write("playbooks/headless.yml", Files.readString(LabWorkspace.REPO.resolve("playbooks/headless.yml")));

    LabWorkspace.Result apply = ws.run("apply", "--yes", "playbooks/headless.yml");

    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("~ filevault[main] changed")
        .contains("reached mac-headless again (1 attempt) to verify and release the lock");
    assertThat(LockTest.lockExists(ws, "mac-headless", "faults/drop-before-release.yml"))
        .as("released on the fresh connection").isFalse();
    assertThat(LabState.hasFile(ws, "mac-headless", "/var/db/trustchain-filevault.plist")).isFalse();
    List<String> execs = ws.execs("mac-headless");
    assertThat(execs).hasSize(4);
    assertThat(execs.get(3)).contains("rm -rf /var/db/trustchain/apply.lock").doesNotContain("rm -f /var/db/trustchain-f");
  }
}
