package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What went wrong, in clear words and a machine-readable kind (issue 7), over real SSH against the lab: a host
 * without sw_vers is "not a Mac", a become password sudo refuses is "sudo refused the become password", a
 * changed host key is "host key changed" — none of them "unreachable" — while a good host beside them reports
 * its facts.
 */
class ClearErrorWordsEndToEndTest {

  private static final Path SECRETS = LabWorkspace.REPO.resolve("lab/secrets");

  @TempDir Path dir;

  @Test
  void notAMac_sudoRefused_andAChangedHostKey_eachSayWhatHappened() throws Exception {
    Path linux = Files.writeString(dir.resolve("linux-box.yml"), """
        description: an SSH host whose PATH has no sw_vers (a Linux box in the Macs' inventory)
        os: {version: "15.7.1", build: 24G231, arch: arm64}
        users:
          - {name: tcadmin, uid: 501, admin: true, secure_token: true, setup_assistant: true, password_file: %s}
          - {name: ladmin, uid: 502, admin: true, password_file: %s}
        faults:
          variance:
            - {match: "^sw_vers", replace: true, stderr: ["sh: sw_vers: command not found"], exit: 127}
        """.formatted(SECRETS.resolve("tcadmin"), SECRETS.resolve("ladmin")));
    Map<String, String> hosts = new LinkedHashMap<>();
    hosts.put("mac-good", "sequoia-arm.yml");
    hosts.put("box", linux.toString());
    hosts.put("mac-sudo", "sequoia-arm.yml");
    LabWorkspace ws = LabWorkspace.create(dir, Map.of("design", hosts));
    ws.write("inventory/host_vars/mac-sudo.yml", "ansible_become_password: \"{{ vault_alice_password }}\"\n");

    LabWorkspace.Result facts = ws.run("facts");
    assertThat(facts.code()).as(facts.toString()).isEqualTo(1);
    assertThat(facts.out()).contains("mac-good: macOS 15.7.1 (24G231, arm64)",
        "box: not a Mac: it has no sw_vers (sh: sw_vers: command not found)",
        "mac-sudo: mac-sudo (127.0.0.1:", "): sudo refused the become password (sudo: ")
        .doesNotContain("mac-sudo: unreachable");
    JsonNode json = new ObjectMapper().readTree(ws.run("facts", "--format", "json").out()).path("hosts");
    assertThat(json.path("mac-good").path("error_kind").isNull()).isTrue();
    assertThat(json.path("box").path("reachable").asBoolean()).as("SSH worked and the script ran").isTrue();
    assertThat(json.path("box").path("error_kind").asText()).isEqualTo("not_a_mac");
    assertThat(json.path("mac-sudo").path("reachable").asBoolean()).isFalse();
    assertThat(json.path("mac-sudo").path("error_kind").asText()).isEqualTo("sudo_refused");

    String playbook = ws.write("playbooks/noop.yml", """
        - name: Nothing but the credential check
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - mobile_accounts: {secure_token_prompt: true}
        """).toString();
    JsonNode plan = new ObjectMapper().readTree(ws.run("plan", "--format", "json", playbook).out()).path("hosts");
    Map<String, JsonNode> byHost = new LinkedHashMap<>();
    plan.forEach(h -> byHost.put(h.path("host").asText(), h));
    assertThat(byHost.get("box").path("error").asText()).isEqualTo("box is not a Mac: it has no sw_vers (sh: sw_vers:"
        + " command not found)");
    assertThat(byHost.get("box").path("error_kind").asText()).isEqualTo("not_a_mac");
    assertThat(byHost.get("mac-sudo").path("error_kind").asText()).isEqualTo("sudo_refused");
    assertThat(byHost.get("mac-good").path("error_kind").isNull()).isTrue();

    // the good Mac is "reinstalled": a new host key, refused against the admin's known_hosts
    Path known = ws.write("admin_known_hosts", Files.readString(ws.state.resolve("known_hosts")));
    Files.writeString(ws.inventory, Files.readString(ws.inventory)
        .replace("/../.trustchain/lab/known_hosts", "/../admin_known_hosts"));
    Files.delete(ws.state.resolve("mac-good/ssh_host_ed25519_key"));
    Files.delete(ws.state.resolve("mac-good/ssh_host_ed25519_key.pub"));
    JsonNode changed = new ObjectMapper().readTree(ws.run("facts", "--format", "json", "--limit", "mac-good").out())
        .path("hosts").path("mac-good");
    assertThat(changed.path("error_kind").asText()).isEqualTo("host_key_changed");
    assertThat(changed.path("error").asText()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED for mac-good");
    assertThat(Files.readString(known)).as("the admin's file is never edited").doesNotContain("\n\n");
  }
}
