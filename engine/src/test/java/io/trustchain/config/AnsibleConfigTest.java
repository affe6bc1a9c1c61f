package io.trustchain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleConfigTest {

  @TempDir Path dir;

  @Test
  void readsDefaultsAndResolvesPathsAgainstTheConfigFolder() throws Exception {
    Files.writeString(dir.resolve("ansible.cfg"), """
        # comment
        [defaults]
        inventory = inventory/lab.yml
        vault_password_file = lab/secrets/vault-password ; trailing comment
        forks: 7
        [ssh_connection]
        pipelining = True
        """);
    AnsibleConfig config = AnsibleConfig.find(Map.of(), dir);
    assertThat(config.path("inventory")).contains(dir.resolve("inventory/lab.yml"));
    assertThat(config.path("vault_password_file")).contains(dir.resolve("lab/secrets/vault-password"));
    assertThat(config.integer("forks")).contains(7);
    assertThat(config.string("pipelining")).isEmpty();
  }

  @Test
  void ansibleConfigVariableWinsOverTheWorkingDirectory() throws Exception {
    Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nforks = 1\n");
    Path other = Files.createDirectories(dir.resolve("conf")).resolve("custom.cfg");
    Files.writeString(other, "[defaults]\nforks = 9\n");
    assertThat(AnsibleConfig.find(Map.of("ANSIBLE_CONFIG", other.toString()), dir).integer("forks")).contains(9);
  }
}
