package io.trustchain.plan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.plan.HostPlan;
import io.trustchain.plan.SamplePlans;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedPlanJsonTest {

  private static SavedPlan saved() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (HostPlan h : SamplePlans.fleet().hosts()) {
      digests.put(h.host(), "d-" + h.host());
    }
    return new SavedPlan(SamplePlans.fleet(), new PlanSource("/work/macs", "inventory/prod.yml",
        List.of(new PlanSource.Document("playbooks/site.yml", "ab".repeat(32))), Optional.of("design"),
        Optional.of("2/4"), digests, new PlanSource.MadeBy("00ff00ff00ff00ff", "octocat", "runner@gh-7",
            Optional.of("https://github.com/acme/macs/actions/runs/9"))));
  }

  @Test
  void aSavedPlanRoundTripsWithItsSourceAndPerHostDesiredDigests() throws Exception {
    SavedPlan saved = saved();
    String json = PlanJson.write(saved);
    assertThat(json).contains("\"desired_digest\": \"d-mac-catalina\"")
        .contains("\"source\": {\n    \"working_dir\": \"/work/macs\",\n    \"inventory\": \"inventory/prod.yml\"");
    assertThat(PlanJson.readSaved(json)).isEqualTo(saved);
    assertThat(PlanJson.read(json)).as("a saved plan is still a plan").isEqualTo(saved.plan());
  }

  @Test
  void referencesUnderTheDirectoryThePlanWasMadeInMoveToTheOneItIsAppliedIn() {
    com.fasterxml.jackson.databind.node.ObjectNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode();
    tree.putArray("argv").addObject().put("secret", "file:/work/macs/secrets/alice");
    tree.withArray("argv").addObject().put("secret", "file:/etc/trustchain/tc");
    tree.withArray("argv").addObject().put("secret", "vault:/work/macs/inventory/group_vars/all.yml:3:5");
    tree.withArray("argv").addObject().put("secret", "command:pass show tc").put("work_dir", "/work/macs");
    tree.withArray("argv").addObject().put("secret", "file:/work/macsother/x");
    Relocation.relocate(tree, "/work/macs", "/builds/7/macs");
    assertThat(tree.toString()).isEqualTo("{\"argv\":[{\"secret\":\"file:/builds/7/macs/secrets/alice\"},"
        + "{\"secret\":\"file:/etc/trustchain/tc\"},{\"secret\":\"vault:/builds/7/macs/inventory/group_vars/all.yml:3:5\"},"
        + "{\"secret\":\"command:pass show tc\",\"work_dir\":\"/builds/7/macs\"},{\"secret\":\"file:/work/macsother/x\"}]}");
  }

  @Test
  void aPlanWithoutSourceOrOfAnotherVersionIsNotASavedPlan() {
    assertThatThrownBy(() -> PlanJson.readSaved(PlanJson.write(SamplePlans.fleet())))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("this is a plan, but not a saved one");
    String v2 = PlanJson.write(saved()).replace("\"format_version\": 1", "\"format_version\": 2");
    assertThatThrownBy(() -> PlanJson.readSaved(v2))
        .hasMessage("unsupported plan format version 2; this trustchain reads version 1");
    String noDigest = PlanJson.write(saved()).replace("\"desired_digest\": \"d-mac-catalina\"", "\"x\": 1");
    assertThatThrownBy(() -> PlanJson.readSaved(noDigest)).hasMessage("plan: hosts[0]: missing \"desired_digest\"");
  }
}
