package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead audit log: an apply killed (SIGKILL) while its Secure Token grant hangs on the Mac
 * leaves the change's intent on disk; the next apply reports "interrupted by run R: …; the Mac now shows …"
 * in text and JSON, breaks the dead run's lock, applies, and says it only once.
 */
@Timeout(420)
class AuditWriteAheadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aKilledApplysIntentsAreReportedByTheNextRun_withWhatTheMacShows() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-hang", "faults/hang-token-grant.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    Path playbook = ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);
    Path audit = dir.resolve(".trustchain/audit.jsonl");

    Process child = childApply(ws, playbook);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(200); // a fresh JVM on a loaded machine
      while (!(read(audit).contains("\"event\":\"intent\"") && read(ws.state.resolve("mac-hang/exec.log"))
          .contains("-secureTokenOn") && LockTest.lockExists(ws, "mac-hang", "faults/hang-token-grant.yml"))) {
        assertThat(child.isAlive()).as(() -> "the child ended early: " + read(ws.dir.resolve("child.log")) + "\n"
            + sockets()).isTrue();
        assertThat(System.nanoTime()).as(() -> "the grant never hung on the Mac: " + read(ws.dir.resolve("child.log")))
            .isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook of the child runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    String killedRun = runStarted(audit);
    assertThat(read(audit)).as("the intent, and nothing after it for that change")
        .contains("\"event\":\"intent\"").doesNotContain("\"event\":\"change\"");

    LabWorkspace.Result next = ws.run("apply", "--yes", "--command-timeout", "30", "--report-json", "report.json",
        playbook.toString());

    assertThat(next.code()).as(() -> next + "\n--- the killed run printed ---\n" + read(ws.dir.resolve("child.log"))
        + "\n--- exec.log ---\n" + read(ws.state.resolve("mac-hang/exec.log"))).isZero();
    assertThat(next.out())
        .contains("mac-hang: note: interrupted by run " + killedRun + " (")
        .contains("): ~ user[alice] (update); the Mac now shows: not done (alice has no Secure Token: tcadmin grants it"
            + " with alice's password)")
        .contains("mac-hang: note: broke the apply lock of a dead run (its process on this controller is gone): run "
            + killedRun);
    JsonNode report = JSON.readTree(Files.readString(dir.resolve("report.json")));
    assertThat(report.at("/interrupted/0/run_id").asText()).isEqualTo(killedRun);
    assertThat(report.at("/interrupted/0/change").asText()).isEqualTo("user[alice]");
    assertThat(report.at("/interrupted/0/state").asText()).startsWith("the Mac now shows: not done (alice has no Secure");
    assertThat(next.out()).as("this run grants it").contains("~ user[alice] changed");
    assertThat(report.at("/interrupted/0/commands/0").asText()).contains("-secureTokenOn alice -password");
    assertThat(read(audit)).contains("\"event\":\"interrupted\"");

    LabWorkspace.Result again = ws.run("apply", "--yes", playbook.toString());
    assertThat(again.out()).as("reported once").doesNotContain("interrupted by run");
    assertThat(read(audit)).doesNotContain(LabWorkspace.secret("alice")).doesNotContain(LabWorkspace.secret("tcadmin"));
  }

  /** {@code trustchain apply --yes PLAYBOOK} in a JVM of its own, in the workspace, as this controller. */
  private static Process childApply(LabWorkspace ws, Path playbook) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), "io.trustchain.cli.Main", "apply", "--yes", playbook.toString())
        .directory(ws.dir.toFile()).redirectErrorStream(true).redirectOutput(ws.dir.resolve("child.log").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("TRUSTCHAIN") || k.startsWith("ANSIBLE_") || List.of("USER", "LOGNAME",
        "USERNAME", "HOSTNAME", "COMPUTERNAME", "GITHUB_ACTOR", "GITLAB_USER_LOGIN").contains(k)
        || k.startsWith("GITHUB_") || k.startsWith("CI_"));
    return pb.start();
  }

  private static String sockets() {
    try {
      Process p = new ProcessBuilder("ss", "-ltnp").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes());
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static String runStarted(Path audit) throws Exception {
    try (Stream<String> lines = Files.lines(audit)) {
      for (String line : lines.toList()) {
        JsonNode n = JSON.readTree(line);
        if (n.path("event").asText().equals("run") && n.path("result").asText().equals("started")) {
          return n.path("run_id").asText();
        }
      }
    }
    throw new AssertionError("no run started in " + audit);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
