package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeout stops the remote command (safety invariant 6): trustchain's watchdog on the Mac kills a command that
 * outlives its timeout with its process group, and the apply lock is released only once the Mac said it is gone.
 * A command that survives the kill keeps the lock: the report names the run, and no later apply takes the lock
 * for a dead run's until it is broken on purpose. (The kill itself: {@code FaultMatrixTest}'s hang.)
 */
@Timeout(240)
class WatchdogEndToEndTest {

  private static final String SCENARIO = "faults/hang-unkillable.yml";
  private static final Pattern KEPT = Pattern.compile(
      "mac-stuck: note: the apply lock of run ([0-9a-f]{16}) stays on mac-stuck: a command of it timed out and was"
          + " not confirmed dead on the Mac \\(timed out: [^\\n]*survived SIGKILL[^\\n]*\\); it expires by itself, or,"
          + " once nothing of it runs on the Mac any more, break it: trustchain apply --force-unlock \\1");

  @TempDir Path dir;

  @Test
  void aHungCommandThatSurvivesTheWatchdog_keepsTheLock_andTheReportNamesTheRun() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-stuck", SCENARIO));
    LabWorkspace ws = LabWorkspace.create(dir, groups).env("NO_COLOR", "1");
    String book = ws.write("playbooks/backup.yml", """
        - name: The backup service account exists
          hosts: all
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: svc-backup, full_name: Backup Service, hidden: true, shell: /usr/bin/false,
                     password: "{{ vault_svc_backup_password }}", secure_token: false}
        """).toString();

    LabWorkspace.Result stuck = ws.run("apply", "--yes", "--command-timeout", "2", book);

    assertThat(stuck.code()).as(stuck.toString()).isEqualTo(1);
    Matcher kept = KEPT.matcher(stuck.out());
    assertThat(kept.find()).as("the report says the lock stays, with the run id\n" + stuck).isTrue();
    String runId = kept.group(1);
    assertThat(stuck.out()).doesNotContain("reached mac-stuck again").doesNotContain("verify and release");
    String log = Files.readString(ws.state.resolve("mac-stuck/exec.log"));
    assertThat(log).contains("\nsurvived: sysadminctl (pid ").doesNotContain("\nargv: rm -rf " + LockTest.LOCK + "\n");
    assertThat(LockTest.lockExists(ws, "mac-stuck", SCENARIO)).as("the lock stays").isTrue();
    assertThat(LockTest.shell(ws, "mac-stuck", SCENARIO, "cat " + LockTest.LOCK + "/owner"))
        .contains("run_id=" + runId + "\n").contains("stuck=a command of it timed out and was not confirmed dead");

    // this run's process is gone, but its lock is not taken for a dead run's: it was kept on purpose
    LabWorkspace.Result next = ws.run("apply", "--yes", book);
    assertThat(next.code()).as(next.toString()).isEqualTo(1);
    assertThat(next.out()).contains("mac-stuck is locked by another apply: run " + runId)
        .contains("[kept: a command of it timed out and was not confirmed dead on the Mac]")
        .contains("--force-unlock " + runId).doesNotContain("broke");

    LabWorkspace.Result forced = ws.run("apply", "--yes", "--force-unlock", runId, book);
    assertThat(forced.code()).as(forced.toString()).isZero();
    assertThat(forced.out()).contains("broke the apply lock (--force-unlock) of run " + runId);
    assertThat(LockTest.lockExists(ws, "mac-stuck", SCENARIO)).isFalse();
    assertThat(ws.run("plan", "--detailed-exitcode", book).code()).isZero();
  }
}
