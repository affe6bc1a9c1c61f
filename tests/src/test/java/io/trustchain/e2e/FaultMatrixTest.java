package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's fault scenarios ({@code lab/scenarios/faults/}) end to end: each one is played by a test
 * (here or in the class named in {@link #MATRIX}), and after each fault a clean rerun converges with
 * nothing lost, nothing repeated blindly and no lock left behind.
 */
@Timeout(240)
class FaultMatrixTest {

  /** Every fault scenario → the test that plays it. A new scenario without a test fails the build. */
  static final Map<String, String> MATRIX = Map.ofEntries(
      Map.entry("sweep.yml",
          "FaultSweepTest#theConnectionCutAtAnyByteOfAFullApply_losesNoKey_leaksNoSecret_leavesNoLockUnreported"),
      Map.entry("drop-mid-apply.yml",
          "FaultMatrixTest#aConnectionDroppedRightAfterAGrant_losesNothing_andTheRerunDoesNotRepeatIt"),
      Map.entry("slow.yml",
          "FaultMatrixTest#aSlowMacIsWaitedFor_andACommandTimeoutShorterThanItsDelayFailsThatHostAlone"),
      Map.entry("hang.yml",
          "FaultMatrixTest#aHangingCommandTimesOut_changesNothing_andTheRerunConverges"),
      Map.entry("unreachable.yml",
          "FaultMatrixTest#anUnreachableMacFailsAlone_theOthersAreAppliedAndReported"),
      Map.entry("done-but-refused.yml",
          "SpineEndToEndTest#aMacThatSaysDoneButRefusesIsReportedAsNotConvergedInItsOwnWords"),
      Map.entry("hang-token-grant.yml",
          "LockTest#aSecondApplyIsRefusedAThirdWaitsAndNoneInterleaves"),
      Map.entry("drop-after-fdesetup.yml",
          "FileVaultEndToEndTest#aConnectionDroppedBetweenFdesetupAndTheEscrowWrite_losesNoKey_andTheNextRunRecoversIt"),
      Map.entry("drop-before-release.yml",
          "DropRecoveryTest#aDropBeforeTheRelease_isFollowedByVerifyAndTheReleaseOnAFreshConnection"),
      Map.entry("undocumented-line.yml",
          "UndocumentedOutputEndToEndTest#oneNotUnderstoodSection_theRestConverges_andThePlanNamesWhatItCannotDecide"),
      Map.entry("drop-after-password-check.yml",
          "ManagedPasswordEndToEndTest#aConnectionLostAtEachStep_losesNoPassword_andTheNextRunSettlesIt"),
      Map.entry("drop-after-password-reset.yml",
          "ManagedPasswordEndToEndTest#aConnectionLostAtEachStep_losesNoPassword_andTheNextRunSettlesIt"),
      Map.entry("hang-password-reset.yml",
          "ManagedPasswordEndToEndTest#aConnectionLostAtEachStep_losesNoPassword_andTheNextRunSettlesIt"),
      Map.entry("hang-unkillable.yml",
          "WatchdogEndToEndTest#aHungCommandThatSurvivesTheWatchdog_keepsTheLock_andTheReportNamesTheRun"));

  private static final String BACKUP = """
      - name: The backup service account exists
        hosts: all
        credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
        resources:
          - user:
              name: svc-backup
              full_name: Backup Service
              hidden: true
              shell: /usr/bin/false
              password: "{{ vault_svc_backup_password }}"
              secure_token: false
      """;

  @TempDir Path dir;

  @Test
  void everyFaultScenarioIsPlayedByAnEndToEndTest() throws Exception {
    TreeSet<String> scenarios = new TreeSet<>();
    try (Stream<Path> files = Files.list(LabWorkspace.REPO.resolve("lab/scenarios/faults"))) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).forEach(scenarios::add);
    }
    assertThat(new TreeSet<>(MATRIX.keySet())).as("lab/scenarios/faults/ and FaultMatrixTest.MATRIX").isEqualTo(scenarios);
    for (String test : MATRIX.values()) {
      String[] parts = test.split("#");
      Class<?> type = Class.forName("io.trustchain.e2e." + parts[0]);
      Method method = type.getDeclaredMethod(parts[1]);
      assertThat(method.isAnnotationPresent(Test.class)).as(test + " is a @Test").isTrue();
    }
  }

  @Test
  void aConnectionDroppedRightAfterAGrant_losesNothing_andTheRerunDoesNotRepeatIt() throws Exception {
    LabWorkspace ws = one("mac-dropper", "faults/drop-mid-apply.yml");
    String book = ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN).toString();

    LabWorkspace.Result dropped = ws.run("apply", "--yes", book);
    assertThat(dropped.code()).as(dropped.toString()).isIn(0, 1);
    assertThat(dropped.out() + dropped.err()).as("the drop is reported, not hidden").containsIgnoringCase("drop");
    assertThat(secureToken(ws, "mac-dropper", "alice")).as("the grant ran before the drop").isTrue();

    LabWorkspace.Result rerun = ws.run("apply", "--yes", book);
    assertThat(rerun.code()).as(rerun.toString()).isZero();
    assertThat(grants(ws, "mac-dropper")).as("the grant is never sent twice").isEqualTo(1);
    assertThat(ws.run("plan", "--detailed-exitcode", book).code()).isZero();
    assertNoLockAndNoSecret(ws, "mac-dropper", "faults/drop-mid-apply.yml");
  }

  @Test
  void aSlowMacIsWaitedFor_andACommandTimeoutShorterThanItsDelayFailsThatHostAlone() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> hosts = new LinkedHashMap<>();
    hosts.put("mac-slow", "faults/slow.yml");
    hosts.put("mac-catalina", "catalina-intel.yml");
    groups.put("design", hosts);
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String book = ws.write("playbooks/backup.yml", BACKUP).toString();

    LabWorkspace.Result impatient = ws.run("apply", "--yes", "--command-timeout", "1", book);
    assertThat(impatient.code()).as(impatient.toString()).isEqualTo(1);
    assertThat(impatient.out()).contains("mac-slow").containsIgnoringCase("timed out");
    assertThat(exists(ws, "mac-catalina", "svc-backup")).as("the other Mac is applied").isTrue();
    assertThat(exists(ws, "mac-slow", "svc-backup")).as("nothing ran on the slow Mac").isFalse();

    LabWorkspace.Result patient = ws.run("apply", "--yes", book);
    assertThat(patient.code()).as(patient.toString()).isZero();
    assertThat(exists(ws, "mac-slow", "svc-backup")).isTrue();
    assertThat(ws.run("plan", "--detailed-exitcode", book).code()).isZero();
    assertNoLockAndNoSecret(ws, "mac-slow", "faults/slow.yml");
  }

  @Test
  void aHangingCommandTimesOut_changesNothing_andTheRerunConverges() throws Exception {
    LabWorkspace ws = one("mac-hang", "faults/hang.yml");
    String book = ws.write("playbooks/backup.yml", BACKUP).toString();

    LabWorkspace.Result hung = ws.run("apply", "--yes", "--command-timeout", "3", book);
    assertThat(hung.code()).as(hung.toString()).isEqualTo(1);
    assertThat(hung.out()).contains("mac-hang").containsIgnoringCase("timed out");
    String log = read(ws.state.resolve("mac-hang/exec.log"));
    assertThat(log).as("the hang was played").contains("fdesetup ");
    assertThat(log).as("the hung fdesetup was killed on the Mac, with its process group")
        .contains("\nkilled: process group ").contains("; fdesetup (pid ");
    assertThat(hung.out()).contains("trustchain's watchdog on the host killed its process group");
    assertThat(exists(ws, "mac-hang", "svc-backup")).isFalse();

    LabWorkspace.Result rerun = ws.run("apply", "--yes", book);
    assertThat(rerun.code()).as(rerun.toString()).isZero();
    assertThat(exists(ws, "mac-hang", "svc-backup")).isTrue();
    assertThat(ws.run("plan", "--detailed-exitcode", book).code()).isZero();
    assertNoLockAndNoSecret(ws, "mac-hang", "faults/hang.yml");
  }

  @Test
  void anUnreachableMacFailsAlone_theOthersAreAppliedAndReported() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> hosts = new LinkedHashMap<>();
    hosts.put("mac-gone", "faults/unreachable.yml");
    hosts.put("mac-catalina", "catalina-intel.yml");
    groups.put("design", hosts);
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String book = ws.write("playbooks/backup.yml", BACKUP).toString();
    Path report = dir.resolve("report.json");

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--report-json", report.toString(), book);
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("mac-gone").containsIgnoringCase("unreachable");
    assertThat(exists(ws, "mac-catalina", "svc-backup")).isTrue();
    JsonNode hostsJson = new ObjectMapper().readTree(report.toFile()).path("hosts");
    assertThat(hostsJson.toString()).contains("mac-gone", "mac-catalina");
    assertNoLockAndNoSecret(ws, "mac-catalina", "catalina-intel.yml");
  }

  private LabWorkspace one(String host, String scenario) throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of(host, scenario));
    return LabWorkspace.create(dir, groups);
  }

  private static JsonNode user(LabWorkspace ws, String host, String name) throws Exception {
    JsonNode users = new ObjectMapper().readTree(ws.factsJson("--limit", host)).path("hosts").path(host).path("users");
    for (JsonNode u : users) {
      if (u.path("name").asText().equals(name)) {
        return u;
      }
    }
    return null;
  }

  private static boolean secureToken(LabWorkspace ws, String host, String name) throws Exception {
    JsonNode u = user(ws, host, name);
    return u != null && u.path("secure_token").asBoolean(false);
  }

  private static boolean exists(LabWorkspace ws, String host, String name) throws Exception {
    return user(ws, host, name) != null;
  }

  private static int grants(LabWorkspace ws, String host) throws Exception {
    String log = read(ws.state.resolve(host).resolve("exec.log"));
    return (int) Stream.of(log.split("\n")).filter(l -> l.contains("-secureTokenOn"))
        .filter(l -> !l.startsWith("argv: ")).count();   // exec strings, not the programs' argv lines
  }

  private static void assertNoLockAndNoSecret(LabWorkspace ws, String host, String scenario) throws Exception {
    assertThat(LockTest.lockExists(ws, host, scenario)).as("no apply lock is left on " + host).isFalse();
    String everything = ws.transcript() + ws.writtenFiles();
    for (String name : List.of("tcadmin", "alice", "svc-backup", "ladmin", "vault-password")) {
      assertThat(everything).as("the %s secret", name).doesNotContain(LabWorkspace.secret(name));
    }
  }

  private static String read(Path file) throws Exception {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
