package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap Token and the organisation's provisioning over real SSH against the lab. */
class BootstrapEndToEndTest {

  @TempDir Path dir;

  @Test
  void aFreshlyEnrolledSupervisedMac_planApplyLoginPlanConverges() throws Exception {
    LabWorkspace ws = FileVaultEndToEndTest.workspace(dir, "provisioned", "mac-fresh", "enrolled-supervised.yml");
    String playbook = FileVaultEndToEndTest.example(ws, "provisioned.yml");

    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("… bootstrap_token[main]", "macOS escrows the Bootstrap Token at the first login",
        "~ filevault[main]", "~ mobile_accounts[main]");
    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();

    LabWorkspace.Result login = ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-fresh", "tcadmin");
    assertThat(login.out()).contains("granted tcadmin the volume's first Secure Token",
        "escrowed a Bootstrap Token to the MDM server");

    LabWorkspace.Result converged = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(converged.code()).as(converged.toString()).isZero();
    assertThat(converged.out()).contains("No changes. 1 pending").contains("FileVault is turned on at alice's next login")
        .doesNotContain("bootstrap_token");

    LabWorkspace.Result alice = ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-fresh", "alice");
    assertThat(alice.out()).contains("macOS granted alice a Secure Token (Bootstrap Token)",
        "FileVault was enabled at alice's login");
    assertThat(ws.run("apply", "--yes", playbook).code()).isZero();
    LabWorkspace.Result done = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(done.code()).as(done.toString()).isZero();
    assertThat(done.out()).contains("No changes. All hosts match the desired state.");
  }

  @Test
  void anMdmWithoutBootstrapSupport_isAClearPlanError_andNothingChanges() throws Exception {
    LabWorkspace ws = FileVaultEndToEndTest.workspace(dir, "design", "mac-nobst", "no-bootstrap-mdm.yml");
    String playbook = ws.write("playbooks/bst.yml", """
        - name: Bootstrap Tokens are escrowed
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - bootstrap_token: {escrowed: true}
            - mobile_accounts: {secure_token_prompt: false}
        """).toString();
    String before = ws.factsJson();

    LabWorkspace.Result plan = ws.run("plan", playbook);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("error: bootstrap_token[main]: no Bootstrap Token can be escrowed: the MDM server"
        + " does not support Bootstrap Tokens (profiles status -type bootstraptoken: \"Bootstrap Token supported on"
        + " server: NO\")").contains("mac-nobst").contains("will not be changed");
    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).isEqualTo(1);
    assertThat(ws.factsJson()).isEqualTo(before);
  }

  @Test
  void aSupervisedMacWhoseServerSupportsIt_getsItsBootstrapTokenEscrowedByTheCredential_andValidated() throws Exception {
    LabWorkspace ws = FileVaultEndToEndTest.workspace(dir, "design", "mac-sequoia", "sequoia-arm.yml");
    String playbook = ws.write("playbooks/bst.yml", """
        - name: Bootstrap Tokens are escrowed
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - bootstrap_token: {escrowed: true}
        """).toString();
    LabWorkspace.Result plan = ws.run("plan", "-vv", playbook);
    assertThat(plan.out()).contains("$ expect -c '# trustchain-prompts v1: answers each prompt of the spawned command with the next line of stdin …'"
            + " <<< (sensitive input)",
        "$ profiles validate -type bootstraptoken -user tcadmin -password (sensitive)");
    LabWorkspace.Result apply = ws.run("apply", "--yes", "-vv", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(LabState.of(ws, "mac-sequoia").path("bootstrapToken").path("escrowed").asBoolean()).isTrue();
    assertThat(ws.factsJson()).contains("\"supported\": true,\n        \"escrowed\": true");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).isZero();
  }
}
