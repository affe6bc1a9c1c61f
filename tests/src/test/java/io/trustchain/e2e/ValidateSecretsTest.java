package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad secrets are found before anything connects: validate resolves every secret a run needs (environment,
 * files, commands, vault values, the inventory's become password) and exits 65 naming each one that cannot be
 * had, or that cannot travel, at its position and without its value.
 */
class ValidateSecretsTest {

  @TempDir Path dir;

  @Test
  void everySecretThatCannotBeHad_isAnErrorNamingIt_beforeAnythingConnects() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String foreignVault = AnsibleVault.encrypt("alice-pw".getBytes(StandardCharsets.UTF_8),
        Secret.of("another vault password"), null).strip().replace("\n", "\n          ");
    Path playbook = ws.write("playbooks/secrets.yml", """
        - name: Design Macs
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, password: !secret env:TC_NOT_EXPORTED}
            - user: {name: bob, password: !secret "command:exit 3"}
            - user:
                name: carol
                password: !vault |
                  %s
            - user: {name: dave, password: !secret env:TC_CDATA_END}
        """.formatted(foreignVault));
    ws.env("TC_CDATA_END", "pass]]>word");
    ws.write("inventory/host_vars/mac-catalina.yml", "ansible_become_password: !secret env:TC_NO_BECOME\n");

    LabWorkspace.Result r = ws.run("validate", playbook.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(65);
    assertThat(r.err())
        .contains("secrets.yml:5:37: error: secret env:TC_NOT_EXPORTED: environment variable TC_NOT_EXPORTED is"
            + " not set")
        .contains("secrets.yml:6:35: error: secret command:exit 3 exited with status 3")
        .contains("error: no vault password opens ")
        .doesNotContain("secret vault:") // the vault's message names the value, once
        .contains("secrets.yml:16:36: error: secret env:TC_CDATA_END holds \"]]>\" (characters 5-7)")
        .contains("lab.yml:20:13: error: secret env:TC_NO_BECOME: environment variable TC_NO_BECOME is not set")
        .contains("5 errors")
        .doesNotContain("pass]]>word").doesNotContain("alice-pw");
    assertThat(ws.state.resolve("mac-catalina/exec.log")).as("nothing connected").doesNotExist();
  }
}
