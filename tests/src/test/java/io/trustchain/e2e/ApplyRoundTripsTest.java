package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply's round trips, counted from each simulated Mac's exec.log: whatever the number of changes, a
 * host gets (1) the facts with a look at its lock, (2) the lock and every change behind its guards,
 * (3) verify and release — also when a recovery key goes to escrow in between; and a change whose
 * guards no longer hold on the Mac is not run, nor anything after it.
 */
@Timeout(240)
class ApplyRoundTripsTest {

  private static final String SITE = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

  @TempDir Path dir;

  @Test
  void applyTakesThreeExecsPerHostWhateverTheNumberOfChanges() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);

    LabWorkspace.Result apply = ws.run("apply", "--yes", SITE);

    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 3 added, 2 changed, 1 removed, 1 pending");
    for (String host : List.of("mac-catalina", "mac-sequoia", "mac-ventura")) {
      List<String> execs = ws.execs(host);
      assertThat(execs).as(host + "'s execs:\n" + String.join("\n", execs)).hasSize(3);
      assertThat(execs.get(0)).contains("sw_vers").contains("/var/db/trustchain/apply.lock").doesNotContain("mkdir");
      assertThat(execs.get(1)).contains("mkdir /var/db/trustchain/apply.lock").doesNotContain("lock:release");
      assertThat(execs.get(2)).contains("sw_vers").contains("rm -rf /var/db/trustchain/apply.lock");
    }
    String catalina = ws.execs("mac-catalina").get(1);
    assertThat(catalina).as("all three changes in one exec, each behind its guards")
        .contains("-secureTokenOn", "-addUser", "-deleteUser")
        .contains("tc_g=$(sysadminctl -secureTokenStatus alice 2>&1)")
        .contains("dscl . -read /Users/olduser RecordName 2>&1");

    LabWorkspace.Result again = ws.run("apply", "--yes", SITE);
    assertThat(again.code()).as(again.toString()).isZero();
    for (String host : List.of("mac-catalina", "mac-sequoia", "mac-ventura")) {
      assertThat(ws.execs(host)).as("nothing to change: the facts exec only").hasSize(4);
    }
  }

  @Test
  void aSavedPlanAndARecoveryKeyEscrowedOnTheWayStillTakeThreeExecs() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("headless", Map.of("mac-headless", "headless.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String playbook = LabWorkspace.REPO.resolve("playbooks/headless.yml").toString();
    ws.write("playbooks/headless.yml", java.nio.file.Files.readString(Path.of(playbook)));

    LabWorkspace.Result plan = ws.run("plan", "--out", "plan.json", dir.resolve("playbooks/headless.yml").toString());
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(ws.execs("mac-headless")).hasSize(1);

    LabWorkspace.Result apply = ws.run("apply", "plan.json");

    assertThat(apply.code()).as(apply.toString()).isZero();
    List<String> execs = ws.execs("mac-headless");
    assertThat(execs).as(String.join("\n", execs)).hasSize(4);
    assertThat(execs.get(1)).as("the freshness check").contains("sw_vers").doesNotContain("mkdir /var/db");
    assertThat(execs.get(2)).as("lock, guards, fdesetup enable, then the capture ends the exec")
        .contains("mkdir /var/db/trustchain/apply.lock", "fdesetup enable -inputplist", "cat /var/db/trustchain-filevault.plist")
        .doesNotContain("rm -f");
    assertThat(execs.get(3)).as("once escrowed: the removal, verify, release")
        .contains("rm -f /var/db/trustchain-filevault.plist", "sw_vers", "rm -rf /var/db/trustchain/apply.lock");
    assertThat(LabState.hasFile(ws, "mac-headless", "/var/db/trustchain-filevault.plist")).isFalse();
  }

  @Test
  void aChangeWhoseGuardsNoLongerHoldIsNotRun_norAnythingAfterIt() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir).env("NO_COLOR", "1");
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(keyboard);
    CompletableFuture<LabWorkspace.Result> apply = CompletableFuture.supplyAsync(
        () -> ws.runAtTerminal(stdin, "apply", "--limit", "mac-catalina", SITE));
    LockTest.await("the plan is made", () -> {
      try {
        return apply.isDone() || ws.execs("mac-catalina").size() == 1;
      } catch (java.io.IOException e) {
        return false;
      }
    });
    assertThat(apply.isDone()).as(() -> "apply ended before its confirmation: " + apply.join()).isFalse();
    Thread.sleep(300);
    // while the plan waits for its confirmation, someone changes alice's password on the Mac
    LockTest.shell(ws, "mac-catalina", "catalina-intel.yml", "dscl . -passwd /Users/alice 'an0ther-Secret'");
    keyboard.write("yes\n".getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    LabWorkspace.Result result = apply.get(120, TimeUnit.SECONDS);

    assertThat(result.code()).as(result.toString()).isEqualTo(1);
    assertThat(result.out())
        .contains("user[alice] failed: not applied, nothing of it ran: alice's password does not authenticate"
            + " (trustchain: refused: Credentials could not be verified, username or password is invalid. (5000))")
        .contains("user[svc-backup] not run")
        .contains("user[olduser] not run");
    assertThat(LabState.of(ws, "mac-catalina").toString()).as("nothing after the aborted change ran")
        .contains("\"olduser\"").doesNotContain("\"svc-backup\"");
    assertThat(ws.execs("mac-catalina")).hasSize(3);
    assertThat(LockTest.lockExists(ws, "mac-catalina", "catalina-intel.yml")).isFalse();
  }
}
