package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secure Token holders no document manages, and a managed account holding a token on some Macs only (issue 9):
 * facts, plan warnings, {@code --fail-on unmanaged-tokens} and the JSON, over real SSH against the lab.
 */
class UnmanagedTokensEndToEndTest {

  @TempDir Path dir;

  @Test
  void unmanagedAndMixedTokenHolders_areWarnings_countedOnDemand_andInTheJson() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("fleet", Map.of("mac-catalina", "catalina-intel.yml", "mac-ventura", "ventura-arm.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String playbook = ws.write("playbooks/alice.yml", """
        - name: alice has an account
          hosts: fleet
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, full_name: Alice Appleseed}
        """).toString();

    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(plan.code()).as("warnings are not changes by default: " + plan).isZero();
    assertThat(plan.out()).contains("mac-catalina (Mac OS X 10.15.7, x86_64)\n  warning: ladmin (admin) holds a Secure"
        + " Token, but no document manages ladmin and trustchain holds no password for it",
        "Warning: 1 Secure Token holder is managed by no document (see above).",
        "Warning: alice holds a Secure Token on mac-ventura but not on mac-catalina (no document says secure_token"
            + " for alice).");

    assertThat(ws.run("plan", "--detailed-exitcode", "--fail-on", "unmanaged-tokens", playbook).code()).isEqualTo(2);
    assertThat(ws.run("plan", "--fail-on", "unmanaged-tokens", playbook).code()).isEqualTo(1);
    assertThat(ws.run("plan", "--fail-on", "secrets", playbook).code()).isEqualTo(64);

    String json = ws.run("plan", "--format", "json", playbook).out();
    assertThat(json).contains("\"unmanaged_tokens\": [\n        {\n          \"user\": \"ladmin\",\n"
        + "          \"admin\": true,\n          \"volume_owner\": null,\n          \"unlocks_filevault\": false",
        "\"mixed_tokens\": [\n    {\n      \"user\": \"alice\",\n      \"with_token\": [\n        \"mac-ventura\"\n"
        + "      ],\n      \"without_token\": [\n        \"mac-catalina\"\n      ]");
    assertThat(ws.run("facts", "--limit", "mac-catalina", playbook).out())
        .contains("Secure Token holders no document manages: ladmin (admin)");
    assertThat(ws.run("facts", "--format", "json", "--limit", "mac-catalina", playbook).out())
        .contains("\"unmanaged_tokens\": [\n        {\n          \"user\": \"ladmin\"");
    assertThat(ws.run("facts", "--format", "json", "--limit", "mac-catalina").out())
        .as("without documents nothing is said about management").doesNotContain("unmanaged_tokens");

    String managed = ws.write("playbooks/alice.yml", """
        - name: alice and ladmin are managed, and what their tokens must be is written down
          hosts: fleet
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, full_name: Alice Appleseed}
            - user: {name: ladmin, admin: true}
        """).toString();
    LabWorkspace.Result quiet = ws.run("plan", "--detailed-exitcode", "--fail-on", "unmanaged-tokens", "--limit",
        "mac-catalina", managed);
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).doesNotContain("arning");
  }
}
