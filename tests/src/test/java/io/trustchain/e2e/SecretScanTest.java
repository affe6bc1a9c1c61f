package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret value appears in anything a run prints or writes. */
class SecretScanTest {

  @TempDir Path dir;

  @Test
  void noSecretInOutputsPlansReportsOrFilesOfAWholeRun() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();
    ws.run("validate", site);
    ws.run("facts", "--format", "json");
    ws.run("facts");
    ws.run("plan", "-vv", site);
    ws.run("plan", "--format", "json", site);
    ws.run("apply", "--yes", "-vv", site);
    ws.run("apply", "--yes", "--format", "json", site);
    ws.run("plan", "-vv", site);
    ws.run("inventory", "--list");

    String everything = ws.transcript() + ws.writtenFiles();
    assertThat(everything).as("the scan covers the output").contains("user[alice]");
    assertThat(everything).as("the scan covers the command strings the Macs received (exec.log)")
        .contains("exec.log").contains("-secureTokenOn").contains("-adminPassword");
    for (String name : List.of("tcadmin", "alice", "bob", "svc-backup", "ladmin", "olduser", "vault-password")) {
      assertThat(everything).as("the %s secret", name).doesNotContain(LabWorkspace.secret(name));
    }
  }
}
