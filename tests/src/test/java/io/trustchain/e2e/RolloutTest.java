package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollouts: --serial batches, --max-fail-percent halting before the next batch, --shard. */
class RolloutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** mac-liar first (its token grants print "Done!" and change nothing), then two good Macs. */
  private LabWorkspace fleetWithALiarFirst() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-liar", "faults/done-but-refused.yml");
    design.put("mac-catalina", "catalina-intel.yml");
    design.put("mac-sequoia", "sequoia-arm.yml");
    groups.put("design", design);
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);
    return ws;
  }

  @Test
  void aBatchFailingAboveTheThresholdHaltsTheRolloutBeforeTheNextBatch() throws Exception {
    LabWorkspace ws = fleetWithALiarFirst();
    String untouched = ws.factsJson("--limit", "mac-catalina:mac-sequoia");

    LabWorkspace.Result apply = ws.run("apply", "--yes", "--serial", "1", "--max-fail-percent", "0",
        "--report-json", "report.json", "playbooks/alice.yml");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out())
        .contains("mac-liar: NOT CONVERGED")
        .contains("Halted: the rollout halted after batch 1 of 3: 1 of 1 host failed (100%, more than "
            + "--max-fail-percent 0).")
        .contains("2 hosts not attempted: mac-catalina, mac-sequoia.")
        .contains("Apply incomplete");
    assertThat(ws.factsJson("--limit", "mac-catalina:mac-sequoia"))
        .as("the hosts of later batches were never touched").isEqualTo(untouched);

    JsonNode report = JSON.readTree(Files.readString(dir.resolve("report.json")));
    assertThat(report.at("/rollout/serial").asText()).isEqualTo("1");
    assertThat(report.at("/rollout/batches").toString()).isEqualTo("[[\"mac-liar\"],[\"mac-catalina\"],[\"mac-sequoia\"]]");
    assertThat(report.at("/rollout/not_attempted").toString()).isEqualTo("[\"mac-catalina\",\"mac-sequoia\"]");
    assertThat(report.at("/rollout/halted").asText()).startsWith("the rollout halted after batch 1 of 3");
    assertThat(report.at("/hosts").size()).isEqualTo(1);
  }

  @Test
  void aBatchAtTheThresholdDoesNotHaltTheRollout() throws Exception {
    LabWorkspace ws = fleetWithALiarFirst();
    LabWorkspace.Result apply = ws.run("apply", "--yes", "--serial", "2", "--max-fail-percent", "50",
        "--format", "json", "playbooks/alice.yml");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(apply.out());
    assertThat(report.at("/rollout/batches").toString())
        .isEqualTo("[[\"mac-liar\",\"mac-catalina\"],[\"mac-sequoia\"]]");
    assertThat(report.at("/rollout/halted").isNull()).as("1 of 2 is 50%%, which does not exceed 50").isTrue();
    List<String> statuses = new ArrayList<>();
    report.get("hosts").forEach(h -> statuses.add(h.get("host").asText() + "=" + h.get("status").asText()));
    assertThat(statuses).containsExactly("mac-liar=not_converged", "mac-catalina=converged", "mac-sequoia=converged");
  }

  @Test
  void withoutMaxFailPercentOnlyAWhollyFailedBatchHalts() throws Exception {
    LabWorkspace ws = fleetWithALiarFirst();
    LabWorkspace.Result apply = ws.run("apply", "--yes", "--serial", "1,2", "playbooks/alice.yml");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("Halted: the rollout halted after batch 1 of 2: 1 of 1 host failed (every host "
        + "of the batch; set --max-fail-percent to halt earlier).");
  }

  @Test
  void shardsSplitTheHostsIntoDisjointPartsThatCoverTheFleet() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (String shard : List.of("1/2", "2/2")) {
      LabWorkspace.Result plan = ws.run("plan", "--format", "json", "--shard", shard, site);
      assertThat(plan.code()).as(plan.toString()).isZero();
      JsonNode json = JSON.readTree(plan.out());
      assertThat(json.at("/source/shard").asText()).isEqualTo(shard);
      for (JsonNode h : json.get("hosts")) {
        seen.add(h.get("host").asText());
        total++;
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("mac-ventura", "mac-catalina", "mac-sequoia");
    assertThat(total).as("no host in two shards").isEqualTo(3);
    assertThat(ws.run("plan", "--shard", "3/2", site).code()).isEqualTo(64);
  }
}
