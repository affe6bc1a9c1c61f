package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented CI flow (docs/ci.md), run with the very script the example pipelines call
 * (ci/trustchain-ci.sh) against the lab: plan on the pull request (saved plan + Markdown comment),
 * apply the saved plan after the merge (then plan finds nothing), and the nightly drift check.
 */
@Timeout(300)
class CiFlowTest {

  private static final Path SCRIPT = LabWorkspace.REPO.resolve("ci/trustchain-ci.sh");

  @TempDir Path dir;

  record Run(int code, String output) {}

  @Test
  void planOnThePullRequestApplyTheSavedPlanOnMergeThenTheDriftCheck() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path out = dir.resolve("trustchain-out");

    Run plan = ci(ws, "plan");
    assertThat(plan.code()).as(plan.output()).isZero();
    assertThat(read(out.resolve("changes"))).isEqualTo("true\n");
    assertThat(read(dir.resolve("github-output"))).contains("changes=true");
    String comment = read(out.resolve("plan.md"));
    assertThat(comment).startsWith("<!-- trustchain-plan -->\n### trustchain plan\n")
        .contains("**Plan: 3 to add, 2 to change, 1 to remove, 1 pending** (3 of 3 hosts change).")
        .contains("<details open><summary><b>mac-catalina</b> (Mac OS X 10.15.7, x86_64): 1 to add, 1 to change, "
            + "1 to remove</summary>")
        .contains("```diff\n")
        .contains("! user[alice] will be changed");
    assertThat(read(dir.resolve("step-summary"))).isEqualTo(comment);
    assertThat(out.resolve("plan.json")).exists();
    assertThat(read(out.resolve("plan-junit.xml"))).contains("<testsuite name=\"mac-catalina\"");

    Run apply = ci(ws, "apply");
    assertThat(apply.code()).as(apply.output()).isZero();
    assertThat(apply.output()).contains("Applying the saved plan trustchain-out/plan.json")
        .contains("Apply complete: 3 added, 2 changed, 1 removed, 1 pending")
        .contains("trustchain-ci: applied; plan after apply finds nothing to do");
    assertThat(read(out.resolve("apply-junit.xml"))).contains("<testcase classname=\"mac-sequoia\" name=\"user[alice]\">");
    assertThat(read(out.resolve("apply-report.json"))).contains("\"saved_plan\" : \"trustchain-out/plan.json\"");
    List<String> audit = Files.readAllLines(out.resolve("audit.jsonl"));
    assertThat(audit).anySatisfy(l -> assertThat(l).contains("\"host\":\"mac-sequoia\"", "\"change\":\"user[alice]\"",
        "\"result\":\"applied\"", "\"plan\":\"trustchain-out/plan.json\""));

    Run quiet = ci(ws, "drift");
    assertThat(quiet.code()).as(quiet.output()).isZero();
    assertThat(read(out.resolve("drift"))).isEqualTo("false\n");

    LockTest.shell(ws, "mac-catalina", "catalina-intel.yml", "dscl . -delete /Users/svc-backup");
    Run drift = ci(ws, "drift");
    assertThat(drift.code()).as(drift.output()).isEqualTo(2);
    assertThat(read(out.resolve("drift"))).isEqualTo("true\n");
    assertThat(read(out.resolve("drift.md"))).contains("+ user[svc-backup] will be created")
        .contains("**Plan: 1 to add, 0 to change, 0 to remove, 1 pending** (1 of 3 hosts change).");
    assertThat(drift.output()).contains("trustchain-ci: drift: the Macs differ from the documents");
  }

  @Test
  void aGitLabParallelJobPlansItsShardOnly() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Run first = ci(ws, "plan", Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "2"));
    assertThat(first.code()).as(first.output()).isZero();
    String saved = read(dir.resolve("trustchain-out/plan.json"));
    assertThat(saved).contains("\"shard\": \"1/2\"");
    assertThat(read(dir.resolve("trustchain-out/plan.md"))).contains("### trustchain plan (shard 1/2)");
  }

  @Test
  void aDriftCheckWhosePlayMatchesNoHostFailsInsteadOfStayingGreen() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path typo = ws.write("playbooks/typo.yml", """
        - name: Engineering Macs
          hosts: engneering
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice}
        """);
    Run drift = ci(ws, "drift", Map.of("TRUSTCHAIN_PLAYBOOKS", typo.toString()));
    assertThat(drift.code()).as(drift.output()).isEqualTo(1);
    assertThat(read(dir.resolve("trustchain-out/drift"))).isEqualTo("unknown\n");
    assertThat(drift.output()).contains("did you mean \"engineering\"?")
        .contains("trustchain-ci: drift: the check itself failed (exit 1)");
  }

  /** Runs ci/trustchain-ci.sh VERB in the workspace, with the CLI of this build as TRUSTCHAIN. */
  private Run ci(LabWorkspace ws, String verb) throws Exception {
    return ci(ws, verb, Map.of());
  }

  private Run ci(LabWorkspace ws, String verb, Map<String, String> extra) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), verb).directory(ws.dir.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("TRUSTCHAIN") || k.startsWith("CI_") || k.startsWith("GITHUB_")
        || k.startsWith("GITLAB_") || k.equals("JOB_COMPLETION_INDEX") || k.startsWith("ANSIBLE_"));
    env.put("TRUSTCHAIN", launcher(ws).toString());
    env.put("TRUSTCHAIN_PLAYBOOKS", LabWorkspace.REPO.resolve("playbooks/site.yml").toString());
    env.put("GITHUB_OUTPUT", ws.dir.resolve("github-output").toString());
    env.put("GITHUB_STEP_SUMMARY", ws.dir.resolve("step-summary").toString());
    env.putAll(extra);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  /** A trustchain executable for the script: this build's classes in a fresh JVM. */
  private static Path launcher(LabWorkspace ws) throws IOException {
    Path bin = ws.dir.resolve("bin/trustchain");
    if (!Files.exists(bin)) {
      Files.createDirectories(bin.getParent());
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Files.writeString(bin, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
          + System.getProperty("java.class.path") + "' io.trustchain.cli.Main \"$@\"\n");
      Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
