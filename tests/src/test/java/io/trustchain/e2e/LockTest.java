package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.macos.MacHostFactory;
import io.trustchain.lab.shell.Interpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safety invariant 6 against the lab: one apply per Mac at a time, through a lock directory on the
 * Mac ({@code /var/db/trustchain/apply.lock}) taken with {@code mkdir} over SSH.
 */
@Timeout(180)
class LockTest {

  static final String LOCK = "/var/db/trustchain/apply.lock";
  private static final String SITE = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

  @TempDir Path dir;

  @Test
  void aLockTakenByHandRefusesTheApplyNamingItsHolderAndChangesNothing() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String before = ws.factsJson("--limit", "mac-sequoia");
    takeByHand(ws, "mac-sequoia", "sequoia-arm.yml", "feedc0ffee123456", 0, 3600);

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--limit", "mac-sequoia", SITE);
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out())
        .contains("mac-sequoia: FAILED: mac-sequoia is locked by another apply: run feedc0ffee123456 of bob "
            + "(bob@ci-runner-7, pid 4242), taken at 2025-10-06T08:00:00Z, expires at 2025-10-06T09:00:00Z (Mac clock)")
        .contains("--force-unlock feedc0ffee123456");
    assertThat(ws.factsJson("--limit", "mac-sequoia")).isEqualTo(before);
    assertThat(lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).as("someone else's lock is left alone").isTrue();
  }

  @Test
  void forceUnlockBreaksTheNamedRunsLockAppliesAndReleasesItsOwn() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    takeByHand(ws, "mac-sequoia", "sequoia-arm.yml", "feedc0ffee123456", 0, 3600);

    LabWorkspace.Result wrongRun = ws.run("apply", "--yes", "--limit", "mac-sequoia", "--force-unlock", "0123456789abcdef", SITE);
    assertThat(wrongRun.code()).as("another run's id breaks nothing: " + wrongRun).isEqualTo(1);
    assertThat(wrongRun.out()).contains("is locked by another apply: run feedc0ffee123456");

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--limit", "mac-sequoia", "--force-unlock", "feedc0ffee123456", SITE);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("mac-sequoia: note: broke the apply lock (--force-unlock) of run feedc0ffee123456 of bob");
    assertThat(lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).as("released after verify").isFalse();
    String audit = Files.readString(dir.resolve(".trustchain/audit.jsonl"));
    assertThat(audit).contains("\"event\":\"lock\"").contains("broke the apply lock (--force-unlock) of run feedc0ffee123456");
  }

  @Test
  void theExpiredLockOfAKilledRunIsBrokenAndSaidSo() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    takeByHand(ws, "mac-sequoia", "sequoia-arm.yml", "deadbeef00000001", -7200, 600);

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--limit", "mac-sequoia", SITE);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("note: broke the expired apply lock of run deadbeef00000001 of bob");
    assertThat(lockExists(ws, "mac-sequoia", "sequoia-arm.yml")).isFalse();
  }

  @Test
  void aSecondApplyIsRefusedAThirdWaitsAndNoneInterleaves() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-hang", "faults/hang-token-grant.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    Path playbook = ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);
    String book = playbook.toString();
    CompletableFuture<LabWorkspace.Result> serve = new CompletableFuture<>();
    Thread server = Thread.ofPlatform().start(() -> serve.complete(ws.run("lab", "serve", "-i", ws.inventory.toString())));
    try {
      await("lab serve is up", () -> Files.exists(ws.state.resolve("serve.json")));

      CompletableFuture<LabWorkspace.Result> first = CompletableFuture.supplyAsync(
          () -> ws.run("apply", "--yes", "--command-timeout", "4", book));
      Path execLog = ws.state.resolve("mac-hang/exec.log");
      await("the first apply hangs in the grant, holding the lock", () -> read(execLog).contains("-secureTokenOn")
          && lockExists(ws, "mac-hang", "faults/hang-token-grant.yml"));

      LabWorkspace.Result second = ws.run("apply", "--yes", book);
      assertThat(second.code()).as(second.toString()).isEqualTo(1);
      assertThat(second.out()).contains("mac-hang is locked by another apply: run ").contains("--force-unlock");

      LabWorkspace.Result third = ws.run("apply", "--yes", "--lock-timeout", "120s", book);
      LabWorkspace.Result one = first.get(60, TimeUnit.SECONDS);
      assertThat(one.code()).as(one.toString()).isEqualTo(1);
      assertThat(one.out()).contains("mac-hang: FAILED").contains("timed out");
      assertThat(third.code()).as("the third apply waited for the lock, then applied: " + third).isZero();
      assertThat(third.out()).contains("Apply complete: 0 added, 1 changed").doesNotContain("broke");
      assertThat(lockExists(ws, "mac-hang", "faults/hang-token-grant.yml")).isFalse();

      // the command strings only: exec.log's argv lines come after their exec
      String log = read(execLog).lines().filter(l -> !l.startsWith("argv: "))
          .collect(java.util.stream.Collectors.joining("\n"));
      int firstGrant = log.indexOf("-secureTokenOn");
      int release = log.indexOf("rm -rf " + LOCK, firstGrant);
      int secondGrant = log.indexOf("-secureTokenOn", firstGrant + 1);
      assertThat(release).as("the hung apply released its lock (exec.log)\n" + log).isPositive();
      // invariant 6: the hung grant was killed on the Mac before any lock was released (argv lines: what ran)
      String all = read(execLog);
      int killed = all.indexOf("\nkilled: process group ");
      assertThat(killed).as("the hung sysadminctl was killed by trustchain's watchdog\n" + all).isPositive();
      String removal = "\nargv: rm -rf " + LOCK + "\n";
      assertThat(all.substring(0, killed)).as("no lock was released before the kill").doesNotContain(removal);
      assertThat(all.substring(killed)).as("the hung apply's release came after it").contains(removal);
      assertThat(secondGrant).as("the waiting apply granted the token only after that release").isGreaterThan(release);
    } finally {
      server.interrupt();
      serve.get(30, TimeUnit.SECONDS);
    }
  }

  /** Takes the apply lock on HOST as an admin would by hand (as root, through the lab's sh). */
  static void takeByHand(LabWorkspace ws, String host, String scenario, String runId, long acquiredOffset, long ttl)
      throws Exception {
    long now = Long.parseLong(shell(ws, host, scenario, "date -u +%s").strip());
    shell(ws, host, scenario, "mkdir -p /var/db/trustchain && mkdir " + LOCK + " && printf '%s\\n' 'run_id=" + runId
        + "' 'who=bob' 'controller=bob@ci-runner-7' 'pid=4242' 'ci=' 'command=apply' 'acquired="
        + (now + acquiredOffset) + "' 'ttl=" + ttl + "' > " + LOCK + "/owner");
  }

  static boolean lockExists(LabWorkspace ws, String host, String scenario) {
    try {
      return shell(ws, host, scenario, "if [ -d " + LOCK + " ]; then echo yes; else echo no; fi").strip().equals("yes");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Runs {@code script} as root on the simulated Mac, outside SSH; fails the test when it fails. */
  static String shell(LabWorkspace ws, String host, String scenario, String script) throws Exception {
    SimulatedHost mac = new MacHostFactory().open(host, LabWorkspace.REPO.resolve("lab/scenarios").resolve(scenario),
        ws.state);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = mac.transact(m -> Interpreter.forUser(m, "root")
        .run(script, new ByteArrayInputStream(new byte[0]), out, err));
    assertThat(status).as("%s: %s", script, err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
