package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes: 0 ok, 2 changes (--detailed-exitcode), 1 failure, 64 usage, 65 invalid documents. */
class CliExitCodesTest {

  @TempDir Path dir;

  @Test
  void invalidDocumentsExit65WithEveryProblemAndNoStackTrace() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path bad = ws.write("playbooks/bad.yml", """
        - name: Broken on purpose
          hosts: all
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, secrue_token: true}
            - usr: {name: bob}
        """);
    LabWorkspace.Result r = ws.run("validate", bad.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(65);
    assertThat(r.err())
        .contains("bad.yml:5:27: error: unknown parameter \"secrue_token\"")
        .contains("did you mean \"secure_token\"?")
        .contains("bad.yml:6:7: error: unknown module \"usr\"")
        .contains("2 errors")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExit64() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("plan").code()).isEqualTo(64);
    assertThat(ws.run("plan", "--forks", "0", LabWorkspace.REPO.resolve("playbooks/site.yml").toString()).code())
        .isEqualTo(64);
    assertThat(ws.run("frobnicate").code()).isEqualTo(64);
    LabWorkspace.Result noTty = ws.run("apply", LabWorkspace.REPO.resolve("playbooks/site.yml").toString());
    assertThat(noTty.code()).isEqualTo(64);
    assertThat(noTty.err()).contains("apply needs --yes");
  }

  @Test
  void aTemplateMistakeIsReportedOnce_withTheHostsItAffects_andADidYouMean() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path bad = ws.write("playbooks/typo.yml", """
        - name: A typo in a variable name
          hosts: all
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, full_name: "{{ ful_name }}"}
          vars: {full_name: Alice}
        """);
    LabWorkspace.Result r = ws.run("validate", bad.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(65);
    assertThat(r.err()).containsOnlyOnce("undefined variable \"ful_name\"")
        .containsPattern("typo.yml:5:\\d+: error: undefined variable \"ful_name\" \\(hosts mac-\\w+, mac-\\w+ and mac-\\w+\\)")
        .contains("hint: did you mean \"full_name\"?")
        .contains("1 error");
  }
}
