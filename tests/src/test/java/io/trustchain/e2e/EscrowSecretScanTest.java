package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that escrows recovery keys (immediately over SSH, and after a deferred enablement fired):
 * the keys appear nowhere trustchain printed or wrote, plaintext, except on the simulated Macs
 * themselves (their state files are their disks); the escrow store's files are encrypted.
 */
class EscrowSecretScanTest {

  @TempDir Path dir;

  @Test
  void recoveryKeysAppearOnlyEncryptedInTheEscrowStore() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("headless", Map.of("mac-headless", "headless.yml"));
    groups.put("personal", Map.of("mac-tahoe", "tahoe-arm.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String headless = FileVaultEndToEndTest.example(ws, "headless.yml");
    String personal = FileVaultEndToEndTest.example(ws, "user-setup.yml");

    ws.run("validate", headless, personal);
    ws.run("plan", "-vv", headless, personal);
    ws.run("plan", "--format", "json", headless, personal);
    ws.run("apply", "--yes", "-vv", headless, personal);
    ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-tahoe", "alice");
    ws.run("plan", "-vv", "--format", "json", headless, personal);
    ws.run("apply", "--yes", "--format", "json", headless, personal);
    ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-headless", "91");
    String beforeRotation = LabState.recoveryKey(ws, "mac-headless");
    ws.run("apply", "--yes", "-vv", headless, personal);
    ws.run("facts", "--format", "json");
    ws.run("facts");
    ws.run("plan", "-vv", headless, personal);

    List<String> keys = List.of(beforeRotation, LabState.recoveryKey(ws, "mac-headless"),
        LabState.recoveryKey(ws, "mac-tahoe"));
    assertThat(keys).doesNotContainNull().doesNotHaveDuplicates();
    String outside = ws.transcript() + filesExceptTheMacsOwnDisks(ws);
    assertThat(outside).as("the scan covers the escrow runs")
        .contains("escrowed and read back").contains("changerecovery -personal").contains("exec.log")
        .contains("$ANSIBLE_VAULT;1.1;AES256");
    for (String key : keys) {
      assertThat(outside).as("recovery key %s", key.substring(0, 4) + "…").doesNotContain(key)
          .doesNotContain(key.toLowerCase(java.util.Locale.ROOT));
    }
    for (String name : List.of("tcadmin", "alice", "ladmin", "vault-password")) {
      assertThat(outside).as("the %s secret", name).doesNotContain(LabWorkspace.secret(name));
    }
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(
        FileVaultEndToEndTest.escrowFile(ws, "mac-headless")))).isEqualTo(keys.get(1));
  }

  /** Every file the runs wrote, but the simulated Macs' state (what is on the Mac stays on the Mac). */
  private static String filesExceptTheMacsOwnDisks(LabWorkspace ws) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(ws.dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().equals("state.json") && p.startsWith(ws.state)) {
          continue;
        }
        all.append("== ").append(ws.dir.relativize(p)).append('\n')
            .append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }
}
