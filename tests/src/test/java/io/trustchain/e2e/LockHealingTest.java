package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.run.RunIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks that heal: every run looks at every targeted host's lock in its facts exec, changes or not.
 * A lock whose process on this controller is gone is broken with an audit line; any other is reported
 * by plan (drift for --detailed-exitcode) and apply, with its run, owner, age and the exact command
 * that breaks it; it expires on the Mac's clock; --force-unlock RUN breaks that run's locks on every
 * targeted host.
 */
@Timeout(240)
class LockHealingTest {

  private static final String SITE = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();
  private static final String LOCK = LockTest.LOCK;

  @TempDir Path dir;

  @Test
  void aDeadRunsLockIsBrokenEvenWhereNothingChanges_aLiveOneIsOnlyReported() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("apply", "--yes", SITE).code()).isZero();
    String here = RunIdentity.detect(Map.of()).controller();
    long me = ProcessHandle.current().pid();
    long myStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    take(ws, "mac-sequoia", "sequoia-arm.yml", "dead000000000001", here, deadPid(), "", 3600);
    take(ws, "mac-catalina", "catalina-intel.yml", "dead000000000002", here, me, "1000", 3600);
    take(ws, "mac-ventura", "ventura-arm.yml", "a11ve00000000003", here, me, Long.toString(myStart), 3600);

    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", SITE);
    assertThat(plan.code()).as("locks left on Macs are drift: " + plan).isEqualTo(2);
    assertThat(plan.out())
        .contains("! locked by run dead000000000001 of bob (" + here + ", pid ")
        .contains("its process on this controller is gone: the next apply from here breaks it (or now: "
            + "trustchain apply --force-unlock dead000000000001 " + SITE + ")")
        .contains("! locked by run a11ve00000000003 of bob (" + here + ", pid " + me + "), taken 0 s ago, expires in 60 min"
            + " (Mac clock)")
        .contains("if that run is dead, break its lock: trustchain apply --force-unlock a11ve00000000003 " + SITE)
        .contains("Locked: 3 hosts carry an apply lock");

    LabWorkspace.Result apply = ws.run("apply", "--yes", SITE);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("mac-sequoia: note: broke the apply lock of a dead run (its process on this controller is gone): run "
            + "dead000000000001 of bob")
        .contains("mac-catalina: note: broke the apply lock of a dead run (its process on this controller is gone): run "
            + "dead000000000002 of bob")
        .contains("mac-ventura: note: mac-ventura is locked by run a11ve00000000003 of bob");
    assertThat(LockTest.lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).isFalse();
    assertThat(LockTest.lockExists(ws, "mac-catalina", "catalina-intel.yml")).as("its pid names another process now")
        .isFalse();
    assertThat(LockTest.lockExists(ws, "mac-ventura", "ventura-arm.yml")).as("a live run's lock is left alone").isTrue();
    String audit = Files.readString(dir.resolve(".trustchain/audit.jsonl"));
    assertThat(audit).contains("\"event\":\"lock\"").contains("broke the apply lock of a dead run")
        .contains("dead000000000001").contains("dead000000000002");
  }

  @Test
  void anotherControllersLockIsDriftUntilItExpiresOnTheMacsClock_thenApplyBreaksIt() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("apply", "--yes", SITE).code()).isZero();
    take(ws, "mac-sequoia", "sequoia-arm.yml", "feedc0ffee123456", "bob@ci-runner-7", 4242, "", 3600);

    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", "--limit", "mac-sequoia", SITE);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("! locked by run feedc0ffee123456 of bob (bob@ci-runner-7, pid 4242), taken 0 s ago,"
        + " expires in 60 min (Mac clock)")
        .contains("if that run is dead, break its lock: trustchain apply --force-unlock feedc0ffee123456 --limit"
            + " mac-sequoia " + SITE);
    LabWorkspace.Result held = ws.run("apply", "--yes", SITE);
    assertThat(held.code()).as("nothing to change: " + held).isZero();
    assertThat(held.out()).contains("mac-sequoia: note: mac-sequoia is locked by run feedc0ffee123456 of bob");
    assertThat(LockTest.lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).isTrue();

    assertThat(ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-sequoia", "1").code()).isZero();
    LabWorkspace.Result later = ws.run("plan", "--limit", "mac-sequoia", SITE);
    assertThat(later.out()).contains("taken 24 h ago, expired 23 h ago (Mac clock)")
        .contains("it expired: the next apply breaks it");
    LabWorkspace.Result apply = ws.run("apply", "--yes", SITE);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("mac-sequoia: note: broke the expired apply lock of run feedc0ffee123456 of bob");
    assertThat(LockTest.lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).isFalse();
    assertThat(ws.run("plan", "--detailed-exitcode", SITE).code()).isZero();
  }

  @Test
  void forceUnlockBreaksThatRunsLocksOnEveryTargetedHost_changesOrNot() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("apply", "--yes", SITE).code()).isZero();
    take(ws, "mac-sequoia", "sequoia-arm.yml", "0123456789abcdef", "bob@ci-runner-7", 4242, "", 3600);
    take(ws, "mac-catalina", "catalina-intel.yml", "0123456789abcdef", "bob@ci-runner-7", 4242, "", 3600);
    LockTest.shell(ws, "mac-catalina", "catalina-intel.yml", "dscl . -create /Users/alice RealName 'Alice B'");

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--force-unlock", "0123456789abcdef", SITE);

    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("mac-catalina: note: broke the apply lock (--force-unlock) of run 0123456789abcdef of bob")
        .contains("mac-sequoia: note: broke the apply lock (--force-unlock) of run 0123456789abcdef of bob")
        .contains("~ user[alice] changed");
    assertThat(LockTest.lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).as("no change there, broken all the same")
        .isFalse();
    assertThat(LockTest.lockExists(ws, "mac-catalina", "catalina-intel.yml")).isFalse();
    assertThat(ws.execs("mac-catalina").get(ws.execs("mac-catalina").size() - 2))
        .as("the break goes in the exec that takes the lock and applies").contains("mv " + LOCK).contains("mkdir " + LOCK);
  }

  /** A pid no process has: a child that already exited. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    return pid;
  }

  private static void take(LabWorkspace ws, String host, String scenario, String runId, String controller, long pid,
      String pidStart, long ttl) throws Exception {
    long now = Long.parseLong(LockTest.shell(ws, host, scenario, "date -u +%s").strip());
    LockTest.shell(ws, host, scenario, "mkdir -p /var/db/trustchain && mkdir " + LOCK + " && printf '%s\\n' 'run_id="
        + runId + "' 'who=bob' 'controller=" + controller + "' 'pid=" + pid + "' 'pid_start=" + pidStart
        + "' 'ci=' 'command=apply' 'acquired=" + now + "' 'ttl=" + ttl + "' > " + LOCK + "/owner");
  }
}
