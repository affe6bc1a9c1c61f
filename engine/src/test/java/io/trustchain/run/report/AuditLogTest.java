package io.trustchain.run.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.Plan;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Serial;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Command;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:21:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void oneLinePerLockNoteChangeHostAndRunAppendedNeverRewritten() throws Exception {
    Path file = dir.resolve("logs/audit.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"earlier\":true}\n");
    AuditLog log = AuditLog.open(file, ReportFixtures.INFO, CLOCK);
    ReportFixtures.result().hosts().forEach(log::hostFinished);
    log.finished(ReportFixtures.result());

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
    List<String> summary = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.get("time").asText()).isEqualTo("2025-03-01T10:21:00Z");
      assertThat(n.get("run_id").asText()).isEqualTo("00ff00ff00ff00ff");
      assertThat(n.get("who").asText()).isEqualTo("alice");
      assertThat(n.get("plan").asText()).isEqualTo("plan.json");
      summary.add(n.get("host").asText() + " " + n.get("event").asText() + " " + n.get("change").asText() + " "
          + n.get("result").asText());
    }
    assertThat(summary).containsExactly(
        "null run null started",
        "mac-catalina lock null note",
        "mac-catalina change user[alice] applied",
        "mac-catalina change user[bob] failed",
        "mac-catalina change user[olduser] not_run",
        "mac-catalina host null failed",
        "mac-sonoma change user[tcadmin] not_converged",
        "mac-sonoma host null not_converged",
        "null run null halted");
    assertThat(Files.readString(file)).doesNotContain(ReportFixtures.KEY).doesNotContain("hunter2");
    assertThat(log.problem()).isEmpty();
    assertThat(dir.resolve("logs/audit.jsonl.runs")).isEmptyDirectory();
  }

  @Test
  void intentsAreOnDiskBeforeTheExec_andADeadRunsOpenOnesAreFoundByTheNextRunOfThisController() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    RunIdentity killed = new RunIdentity("dead0000dead0000", "bob", "bob@laptop", deadPid(), Optional.empty());
    AuditLog first = AuditLog.open(file, info(killed), CLOCK);
    Change alice = change("alice");
    Change carol = change("carol");
    first.intents("mac-1", List.of(alice, carol));
    first.results("mac-1", List.of(new ChangeOutcome(carol, ChangeOutcome.Status.APPLIED, "applied", "")));
    JsonNode intent = JSON.readTree(Files.readAllLines(file).get(1));
    assertThat(intent.get("event").asText()).isEqualTo("intent");
    assertThat(intent.get("commands").get(0).asText()).isEqualTo("dscl . -create /Users/alice RealName (sensitive)");
    // ... and the run is killed here: no change line, no run line

    RunIdentity next = new RunIdentity("1111222233334444", "bob", "bob@laptop", ProcessHandle.current().pid(),
        Optional.empty());
    AuditLog second = AuditLog.open(file, info(next), CLOCK);
    assertThat(second.interrupted()).extracting(i -> i.host() + " " + i.describeChange() + " " + i.result())
        .containsExactly("mac-1 ~ user[alice] (update) Optional.empty", "mac-1 ~ user[carol] (update) Optional[applied]");
    assertThat(second.interrupted().get(0).runId()).isEqualTo("dead0000dead0000");
    second.reported(Interruptions.judge(second.interrupted(), new Plan(1, Instant.EPOCH, "t", "d", List.of()), false));
    assertThat(Files.readString(file)).contains("\"event\":\"interrupted\"")
        .contains("interrupted by run dead0000dead0000 (bob, 2025-03-01T10:21:00Z): ~ user[alice] (update); not checked:"
            + " mac-1 is not among this run's hosts");

    RunIdentity third = new RunIdentity("5555666677778888", "bob", "bob@laptop", 1, Optional.empty());
    assertThat(AuditLog.open(file, info(third), CLOCK).interrupted()).as("reported once").isEmpty();
  }

  @Test
  void aLiveRun_orAnotherControllersRun_isNotTakenForAKilledOne() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    long me = ProcessHandle.current().pid();
    AuditLog.open(file, info(new RunIdentity("aaaa000000000001", "bob", "bob@laptop", me, Optional.empty())), CLOCK)
        .intents("mac-1", List.of(change("alice")));
    AuditLog.open(file, info(new RunIdentity("aaaa000000000002", "eve", "eve@ci", deadPid(), Optional.empty())), CLOCK)
        .intents("mac-1", List.of(change("alice")));
    AuditLog next = AuditLog.open(file, info(new RunIdentity("aaaa000000000003", "bob", "bob@laptop", me,
        Optional.empty())), CLOCK);
    assertThat(next.interrupted()).isEmpty();
  }

  @Test
  void anIntentThatCannotBeWritten_throws() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    AuditLog log = AuditLog.open(file, info(new RunIdentity("aaaa000000000001", "bob", "bob@laptop",
        ProcessHandle.current().pid(), Optional.empty())), CLOCK);
    Files.delete(file);
    Files.createDirectory(file);
    assertThatThrownBy(() -> log.intents("mac-1", List.of(change("alice")))).isInstanceOf(java.io.IOException.class);
    assertThat(log.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("cannot append to the audit log"));
  }

  private static RunInfo info(RunIdentity me) {
    return new RunInfo(me, "apply", Optional.empty(), Instant.parse("2025-03-01T10:20:00Z"), Serial.all(),
        OptionalInt.empty(), Optional.empty(), "test");
  }

  private static Change change(String user) {
    return new Change.Update(ResourceAddress.of("user", user), Attributes.EMPTY, Attributes.EMPTY,
        List.of(Command.of("dscl", ".", "-create", "/Users/" + user, "RealName").withSecret(new SecretRef.Env("X"))),
        user + " differs");
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
