package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A play whose {@code hosts:} matches nothing (a typo) is not "No changes": exit 1 with a "did you mean"
 * from the inventory's groups and hosts, unless {@code --allow-empty}. Checked before anything connects.
 */
class EmptySelectionTest {

  @TempDir Path dir;

  private Path typo(LabWorkspace ws) throws Exception {
    return ws.write("playbooks/typo.yml", """
        - name: Engineering Macs
          hosts: engneering
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, secure_token: true, password: "{{ vault_alice_password }}"}
        """);
  }

  @Test
  void aPlayMatchingNoHostFailsWithDidYouMean() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path playbook = typo(ws);
    for (String command : new String[] {"validate", "plan"}) {
      LabWorkspace.Result r = ws.run(command, playbook.toString());
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.err())
          .contains("typo.yml:1:3: error: hosts: \"engneering\" matches no host in")
          .contains("did you mean \"engineering\"?")
          .contains("pass --allow-empty")
          .doesNotContain("No changes");
      assertThat(r.out()).doesNotContain("Valid").doesNotContain("No changes");
    }
  }

  @Test
  void allowEmptyTurnsItIntoAWarning() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result r = ws.run("validate", "--allow-empty", typo(ws).toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(0);
    assertThat(r.err()).contains("warning: hosts: \"engneering\" matches no host");
  }

  @Test
  void aLimitThatLeavesNoTargetedHostFails() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path playbook = ws.write("playbooks/eng.yml", """
        - name: Engineering Macs
          hosts: engineering
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice}
        """);
    LabWorkspace.Result r = ws.run("plan", "--limit", "mac-catalina", playbook.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("no host to work on: the plays and --limit mac-catalina select no host");
  }

  @Test
  void aPartlyUnmatchedPatternWarnsWithDidYouMean() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path playbook = ws.write("playbooks/partly.yml", """
        - name: Some Macs
          hosts: engineering:desgn
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice}
        """);
    LabWorkspace.Result r = ws.run("validate", playbook.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(0);
    assertThat(r.err()).contains("warning: hosts: desgn matched no host").contains("did you mean \"design\"?");
  }
}
