package io.trustchain.run.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  }
}
