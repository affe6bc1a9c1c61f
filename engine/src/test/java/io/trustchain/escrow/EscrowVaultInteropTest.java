package io.trustchain.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.VaultPasswords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An escrowed recovery key opens with the real {@code ansible-vault view} (Debian's ansible-core;
 * CI installs it) and the same password file trustchain used. Fails, never skips, without it.
 */
class EscrowVaultInteropTest {

  @TempDir Path dir;

  @Test
  void escrowedKey_opensWithAnsibleVaultView_andTheSamePasswordFile() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("vault-pass"), "correct horse battery\n");
    AnsibleVault keyring = new AnsibleVault(VaultPasswords.of(List.of(), List.of(passwordFile), Map.of()));
    VaultEscrowStore store = new VaultEscrowStore(dir.resolve("escrow"), keyring, null);
    store.put(VaultEscrowStoreTest.entry("mac-01", VaultEscrowStoreTest.KEY));

    String shown = ansibleVault("view", "--vault-password-file", passwordFile.toString(),
        store.file("mac-01", "personal_recovery_key").toString());

    assertThat(shown).contains("host: \"mac-01\"", "item: \"personal_recovery_key\"",
        "value: \"" + VaultEscrowStoreTest.KEY + "\"", "escrowed_at: \"2026-05-01T10:00:00Z\"",
        "serial_number: \"C02XL0GTJGH5\"");
  }

  private String ansibleVault(String... args) throws Exception {
    Path tool = Path.of("/usr/bin/ansible-vault");
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "ansible-vault"))) {
        tool = Path.of(entry, "ansible-vault");
        break;
      }
    }
    assertThat(tool).as("ansible-vault must be installed (apt-get install ansible-core)").isExecutable();
    List<String> argv = new ArrayList<>(List.of(tool.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
    pb.environment().put("ANSIBLE_CONFIG", dir.resolve("none.cfg").toString());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
