package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The example pipelines (examples/ci/) are valid YAML, wire the documented flow — plan on pull/merge
 * requests, apply the saved plan on merge, drift on a schedule — through ci/trustchain-ci.sh (which
 * CiFlowTest runs against the lab), and set only variables that script reads.
 */
class CiPipelinesTest {

  private static final Path EXAMPLES = LabWorkspace.REPO.resolve("examples/ci");
  private static final Pattern SCRIPT = Pattern.compile("ci/trustchain-ci\\.sh (plan|apply|drift)");
  private static final List<String> SECRETS = List.of("TRUSTCHAIN_VAULT_PASSWORD", "TRUSTCHAIN_VAULT_PASSWORD_FILE",
      "TRUSTCHAIN_TCADMIN_PASSWORD", "TRUSTCHAIN_GITLAB_TOKEN");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws Exception {
    return (Map<String, Object>) new Load(LoadSettings.builder().setLabel(file).build())
        .loadFromString(Files.readString(EXAMPLES.resolve(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void gitHubActionsPlansOnPullRequestsAppliesTheSavedPlanOnMergeAndChecksDriftNightly() throws Exception {
    Map<String, Object> wf = yaml("github/trustchain.yml");
    assertThat(map(wf.get("on"))).containsKeys("pull_request", "push", "schedule");
    Map<String, Object> jobs = map(wf.get("jobs"));
    assertThat(verbs(jobs.get("plan"))).containsExactly("plan");
    assertThat(verbs(jobs.get("apply"))).containsExactly("apply");
    assertThat(verbs(jobs.get("drift"))).containsExactly("drift");
    assertThat(map(jobs.get("plan")).get("if").toString()).contains("pull_request");
    assertThat(map(jobs.get("apply")).get("if").toString()).contains("push");
    String apply = jobs.get("apply").toString();
    assertThat(apply).contains("actions/download-artifact@v4").contains("run-id=${{ steps.pr.outputs.run }}");
    assertThat(jobs.get("plan").toString()).contains("actions/upload-artifact@v4").contains("gh pr comment");
    assertThat(jobs.get("drift").toString()).contains("TRUSTCHAIN_SHARD=${{ matrix.shard }}/4");
  }

  @Test
  void gitLabCiDoesTheSameWithMergeRequestsResourceGroupsAndParallelShards() throws Exception {
    Map<String, Object> ci = yaml("gitlab/gitlab-ci.yml");
    assertThat(verbs(ci.get("plan"))).containsExactly("plan");
    assertThat(verbs(ci.get("apply"))).containsExactly("apply");
    assertThat(verbs(ci.get("drift"))).containsExactly("drift");
    assertThat(ci.get("plan").toString()).contains("merge_request_event").contains("junit=trustchain-out/plan-junit.xml");
    assertThat(map(ci.get("apply")).get("resource_group")).isEqualTo("trustchain-apply");
    assertThat(ci.get("apply").toString()).contains("refs%2Fmerge-requests%2F$mr%2Fhead/download?job=plan");
    assertThat(map(ci.get("drift")).get("parallel")).isEqualTo(4);
    assertThat(ci.get("drift").toString()).contains("$CI_PIPELINE_SOURCE == \"schedule\"")
        .contains("TRUSTCHAIN=/opt/trustchain/bin/trustchain").contains("entrypoint=[]");
  }

  @Test
  void theKubernetesIndexedJobChecksDriftByShard() throws Exception {
    Map<String, Object> cron = yaml("kubernetes/drift-job.yaml");
    Map<String, Object> job = map(map(map(cron.get("spec")).get("jobTemplate")).get("spec"));
    assertThat(job.get("completionMode")).isEqualTo("Indexed");
    assertThat(job.toString()).contains("command=[ci/trustchain-ci.sh, drift]").contains("name=TRUSTCHAIN_SHARDS, value=8")
        // the OCI image's launcher (dist's OciImageIT checks the image's entrypoint is this file)
        .contains("name=TRUSTCHAIN, value=/opt/trustchain/bin/trustchain");
  }

  @Test
  void everyTrustchainVariableThePipelinesSetIsOneTheScriptReads() throws Exception {
    String script = Files.readString(LabWorkspace.REPO.resolve("ci/trustchain-ci.sh"));
    TreeSet<String> used = new TreeSet<>();
    for (String file : List.of("github/trustchain.yml", "gitlab/gitlab-ci.yml", "kubernetes/drift-job.yaml")) {
      Matcher m = Pattern.compile("\\b(TRUSTCHAIN_[A-Z_]+)\\b").matcher(Files.readString(EXAMPLES.resolve(file)));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    used.removeAll(SECRETS);
    assertThat(used).isNotEmpty().allSatisfy(v -> assertThat(script).as("ci/trustchain-ci.sh reads %s", v).contains(v));
  }

  /** The ci/trustchain-ci.sh verbs a job runs. */
  private static List<String> verbs(Object job) {
    List<String> out = new ArrayList<>();
    Matcher m = SCRIPT.matcher(job.toString());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
