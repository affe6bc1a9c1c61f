package io.trustchain.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the real {@code ansible-vault} (Debian's ansible-core; CI installs it). The
 * test fails, never skips, when it is missing. Each call costs about a second, so there are four.
 */
class VaultInteropTest {

  private static final String PLAINTEXT = "alice: \"s3cr3t ünï\"\nbob: 'exactly sixteen!'\n";

  @TempDir Path dir;
  private Path ansibleVault;
  private Path passwordFile;

  @BeforeEach
  void findAnsibleVault() throws IOException {
    ansibleVault = findOnPath("ansible-vault");
    assertThat(ansibleVault)
        .as("ansible-vault must be installed for the vault interop tests (apt-get install ansible-core)")
        .isNotNull();
    passwordFile = Files.writeString(dir.resolve("vault-pass"), "correct horse battery\n");
  }

  @Test
  void ansibleEncryptString_withVaultId_opensWithOurs() throws Exception {
    String out = ansibleVault("encrypt_string", "--vault-id", "prod@" + passwordFile, "--name", "alice_pw",
        "s3cr3t ünï");
    String envelope = out.substring(out.indexOf("$ANSIBLE_VAULT"));
    AnsibleVault ours = new AnsibleVault(VaultPasswords.of(List.of("prod@" + passwordFile), List.of(), Map.of()));

    assertThat(out).startsWith("alice_pw: !vault |\n");
    assertThat(AnsibleVault.vaultId(envelope, "t")).isEqualTo("prod");
    assertThat(new String(ours.decrypt(envelope, "t"), StandardCharsets.UTF_8)).isEqualTo("s3cr3t ünï");
  }

  @Test
  void ansibleEncryptedFile_opensWithOurVaultFile() throws Exception {
    Path vars = Files.writeString(dir.resolve("vault.yml"), PLAINTEXT);
    ansibleVault("encrypt", "--vault-password-file", passwordFile.toString(), vars.toString());
    AnsibleVault ours = new AnsibleVault(VaultPasswords.of(List.of(), List.of(passwordFile), Map.of()));

    VaultFile file = VaultFile.read(vars, ours);

    assertThat(Files.readString(vars)).startsWith("$ANSIBLE_VAULT;1.1;AES256\n");
    assertThat(file.encrypted()).isTrue();
    assertThat(file.text()).isEqualTo(PLAINTEXT);
  }

  @Test
  void ourEnvelope_opensWithAnsibleVaultView() throws Exception {
    Path vars = Files.writeString(dir.resolve("ours.yml"),
        AnsibleVault.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), Secret.of("correct horse battery"), null));

    assertThat(ansibleVault("view", "--vault-password-file", passwordFile.toString(), vars.toString()))
        .isEqualTo(PLAINTEXT);
  }

  @Test
  void ourEnvelopeWithVaultId_opensWithAnsibleVaultDecrypt() throws Exception {
    Path vars = Files.writeString(dir.resolve("ours-prod.yml"),
        AnsibleVault.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), Secret.of("correct horse battery"), "prod"));

    String out = ansibleVault("decrypt", "--vault-id", "prod@" + passwordFile, "--output", "-", vars.toString());

    assertThat(Files.readString(vars)).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n");
    assertThat(out).isEqualTo(PLAINTEXT);
  }

  /** Runs ansible-vault with a private HOME and temp dir; returns stdout, fails on a non-zero exit. */
  private String ansibleVault(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(ansibleVault.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
    env.put("HOME", dir.toString());
    env.put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
    env.put("ANSIBLE_CONFIG", dir.resolve("none.cfg").toString());
    env.put("LC_ALL", "C.UTF-8");
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ansible-vault finished").isTrue();
    assertThat(p.exitValue()).as("ansible-vault %s failed: %s", args[0], Files.readString(dir.resolve("stderr.txt")))
        .isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static Path findOnPath(String name) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path debian = Path.of("/usr/bin", name);
    return Files.isExecutable(debian) ? debian : null;
  }
}
