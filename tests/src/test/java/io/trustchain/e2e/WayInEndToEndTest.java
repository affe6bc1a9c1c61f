package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safety invariant 7 against the lab: the account trustchain connects as (the inventory's ansible_user, ladmin)
 * is never removed, demoted or disabled. Knowable from the documents: a validate error (65) before anything
 * connects; knowable only from the facts: a plan error, and nothing changes.
 */
class WayInEndToEndTest {

  @TempDir Path dir;

  private LabWorkspace sequoia() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("design", Map.of("mac-sequoia", "sequoia-arm.yml"));
    return LabWorkspace.create(dir, groups);
  }

  @Test
  void aDocumentThatRemovesTheConnectionAccount_isInvalidBeforeAnythingConnects() throws Exception {
    LabWorkspace ws = sequoia();
    Path playbook = ws.write("playbooks/retire.yml", """
        - name: Retire the lab admin
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: "{{ ansible_user }}", state: absent}
            - user: {name: tcadmin, admin: false}
        """);
    for (String command : new String[] {"validate", "plan"}) {
      LabWorkspace.Result r = ws.run(command, playbook.toString());
      assertThat(r.code()).as(r.toString()).isEqualTo(65);
      assertThat(r.err())
          .contains("retire.yml:5:7: error: this resource would remove the account of ladmin, the account trustchain"
              + " connects to mac-sequoia as (safety invariant 7 (the way in))")
          .contains("trustchain_allow_way_in_change: true for mac-sequoia")
          .contains("retire.yml:6:7: error: this resource would take the admin rights (and sudo) of tcadmin, the"
              + " management credential of its play");
    }
    assertThat(ws.state.resolve("mac-sequoia/exec.log")).as("nothing connected").doesNotExist();
  }

  @Test
  void withTheOptIn_thePlanStillRefusesWhenNoOtherWayInWouldRemain() throws Exception {
    Path secrets = LabWorkspace.REPO.resolve("lab/secrets");
    Path scenario = dir.resolve("scenarios/service-credential.yml");
    java.nio.file.Files.createDirectories(scenario.getParent());
    java.nio.file.Files.writeString(scenario, """
        # Sequoia where the management credential is a service account without a login shell: ladmin is the only
        # admin anyone can log in as.
        description: Sequoia 15.7.1, the credential cannot log in
        os: {version: "15.7.1", build: 24G231, arch: arm64}
        users:
          - {name: tcadmin, full_name: TrustChain Admin, uid: 501, admin: true, secure_token: true,
             setup_assistant: true, shell: /usr/bin/false, password_file: %s}
          - {name: ladmin, full_name: Lab Admin, uid: 502, admin: true, password_file: %s}
        filevault: {status: "off"}
        """.formatted(secrets.resolve("tcadmin"), secrets.resolve("ladmin")));
    LabWorkspace ws = LabWorkspace.create(dir, Map.of("design", Map.of("mac-sequoia", scenario.toString())));
    Path playbook = ws.write("playbooks/retire.yml", """
        - name: Retire the lab admin
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: ladmin, state: absent}
        """);
    assertThat(ws.run("validate", playbook.toString()).code()).isEqualTo(65);

    ws.write("inventory/host_vars/mac-sequoia.yml", "trustchain_allow_way_in_change: true\n");
    LabWorkspace.Result valid = ws.run("validate", playbook.toString());
    assertThat(valid.code()).as("opted in: the documents alone are fine: " + valid).isZero();
    LabWorkspace.Result plan = ws.run("plan", playbook.toString());
    assertThat(plan.code()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("this plan would remove ladmin (and its SSH key authorisation): ladmin is the"
        + " account trustchain connects as (safety invariant 7 (the way in)), and no other enabled admin with a"
        + " login shell would remain").doesNotContain("will be removed");
    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook.toString());
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(ws.run("facts", "--format", "json").out()).as("ladmin is still there").contains("\"ladmin\"");
  }
}
