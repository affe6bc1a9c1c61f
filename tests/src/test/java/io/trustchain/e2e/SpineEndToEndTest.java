package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spine over real SSH against the lab: plan → apply → plan, on three macOS versions. */
class SpineEndToEndTest {

  @TempDir Path dir;

  @Test
  void planApplyPlanConvergesEveryHost() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

    LabWorkspace.Result first = ws.run("plan", "--detailed-exitcode", site);
    assertThat(first.code()).as(first.toString()).isEqualTo(2);
    assertThat(first.out())
        .contains("mac-catalina (Mac OS X 10.15.7, x86_64)", "mac-ventura (macOS 13.6.7, arm64)",
            "mac-sequoia (macOS 15.7.1, arm64)")
        .contains("~ user[alice]", "+ user[svc-backup]", "- user[olduser]", "… user[bob]")
        .containsPattern("Plan: 3 to add, 2 to change, 1 to remove, 1 pending \\(across 3 hosts\\)");

    LabWorkspace.Result apply = ws.run("apply", "--yes", site);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 3 added, 2 changed, 1 removed, 1 pending");

    LabWorkspace.Result again = ws.run("plan", "--detailed-exitcode", site);
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes. 1 pending")
        .doesNotContain("will be created", "will be changed", "will be removed");
  }

  @Test
  void theBootstrapTokenGrantsThePendingTokenAtTheUsersNextLogin() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();
    assertThat(ws.run("apply", "--yes", "--limit", "mac-ventura", site).code()).isZero();
    assertThat(ws.run("plan", "--limit", "mac-ventura", site).out()).contains("… user[bob]");

    LabWorkspace.Result login = ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-ventura", "bob");
    assertThat(login.code()).as(login.toString()).isZero();

    LabWorkspace.Result after = ws.run("plan", "--detailed-exitcode", "--limit", "mac-ventura", site);
    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(after.out()).doesNotContain("user[bob]").contains("No changes. All hosts match the desired state.");
  }

  @Test
  void aWrongCredentialPasswordStopsThatHostAndChangesNothing() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir).env("TC_WRONG", "not-the-tcadmin-password");
    Path playbook = ws.write("playbooks/wrong.yml", """
        - name: Alice holds a Secure Token
          hosts: design
          credential:
            user: tcadmin
            password: !secret env:TC_WRONG
          resources:
            - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
        """);
    String before = ws.factsJson("--limit", "mac-catalina");

    LabWorkspace.Result plan = ws.run("plan", "--limit", "mac-catalina", playbook.toString());
    assertThat(plan.code()).as("plan tries no password: " + plan).isZero();
    LabWorkspace.Result apply = ws.run("apply", "--yes", "--limit", "mac-catalina", playbook.toString());
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("mac-catalina")
        .contains("not applied, nothing of it ran: tcadmin's password does not authenticate");

    String after = ws.factsJson("--limit", "mac-catalina");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aMacThatSaysDoneButRefusesIsReportedAsNotConvergedInItsOwnWords() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-liar", "faults/done-but-refused.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    Path playbook = ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);

    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook.toString());
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out())
        .contains("mac-liar: NOT CONVERGED")
        .contains("user[alice] did not converge")
        .contains("- Done!");
  }

  @Test
  void anUnreachableHostIsReportedAndTheOthersGoOn() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-gone", "faults/unreachable.yml");
    design.put("mac-catalina", "catalina-intel.yml");
    groups.put("design", design);
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

    LabWorkspace.Result plan = ws.run("plan", "--allow-empty", site); // site.yml's engineering play has no host here
    assertThat(plan.code()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("mac-gone").contains("unreachable").contains("~ user[alice]");
  }
}
