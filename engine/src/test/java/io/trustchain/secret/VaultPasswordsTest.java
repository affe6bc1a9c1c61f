package io.trustchain.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultPasswordsTest {

  @TempDir Path dir;

  private static byte[] sealedWith(String password, String vaultId) {
    return AnsibleVault.encrypt("ok".getBytes(StandardCharsets.UTF_8), Secret.of(password), vaultId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String open(VaultPasswords passwords, byte[] envelope) throws SecretException {
    return new String(new AnsibleVault(passwords).decrypt(new String(envelope, StandardCharsets.UTF_8), "t"),
        StandardCharsets.UTF_8);
  }

  private Path executable(String name, String script) throws Exception {
    Path file = Files.writeString(dir.resolve(name), script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void passwordFile_surroundingWhitespaceIsRemoved() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "  hunter2 \n\n");

    assertThat(open(VaultPasswords.of(List.of(), List.of(file), Map.of()), sealedWith("hunter2", null)))
        .isEqualTo("ok");
  }

  @Test
  void executablePasswordFile_isRunAndItsOutputIsThePassword() throws Exception {
    Path script = executable("pw.sh", "#!/bin/sh\necho hunter2\n");

    assertThat(open(VaultPasswords.of(List.of(), List.of(script), Map.of()), sealedWith("hunter2", null)))
        .isEqualTo("ok");
  }

  @Test
  void clientScript_isAskedForTheLabel() throws Exception {
    Path script = executable("vault-pass-client.sh",
        "#!/bin/sh\n[ \"$1\" = --vault-id ] && [ \"$2\" = prod ] && echo hunter2 && exit 0\nexit 2\n");

    assertThat(open(VaultPasswords.of(List.of("prod@" + script), List.of(), Map.of()), sealedWith("hunter2", "prod")))
        .isEqualTo("ok");
  }

  @Test
  void failingScript_reportsItsStatusNotItsOutput() throws Exception {
    Path script = executable("pw.sh", "#!/bin/sh\necho leaked-password\necho oops >&2\nexit 3\n");
    VaultPasswords passwords = VaultPasswords.of(List.of(), List.of(script), Map.of());

    assertThatThrownBy(() -> open(passwords, sealedWith("x", null)))
        .hasMessage("vault password script " + script + " exited with status 3; run it yourself to see why,"
            + " or remove its executable bit if it is a plain password file")
        .hasMessageNotContaining("leaked");
  }

  @Test
  void environmentVariable_namesAPasswordFile() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "hunter2");
    VaultPasswords passwords = VaultPasswords.of(List.of(), List.of(), Map.of("ANSIBLE_VAULT_PASSWORD_FILE",
        file.toString()));

    assertThat(passwords.labels()).containsExactly("default");
    assertThat(open(passwords, sealedWith("hunter2", null))).isEqualTo("ok");
  }

  @Test
  void vaultIds_areLabelledAndOrderedBeforePasswordFiles() throws Exception {
    VaultPasswords passwords = VaultPasswords.of(List.of("prod@a", "b"), List.of(Path.of("c")),
        Map.of("ANSIBLE_VAULT_PASSWORD_FILE", "d"));

    assertThat(passwords.labels()).containsExactly("prod", "default", "default", "default");
    assertThat(passwords.toString()).isEqualTo("[prod@a, default@b, default@c, default@d]");
  }

  @Test
  void missingFile_saysWhichAndWhatToCheck() throws Exception {
    VaultPasswords passwords = VaultPasswords.of(List.of(), List.of(dir.resolve("nope")), Map.of());

    assertThatThrownBy(() -> open(passwords, sealedWith("x", null)))
        .hasMessage("vault password file " + dir.resolve("nope")
            + " does not exist; check --vault-password-file and --vault-id");
  }

  @Test
  void emptyFile_isAnError() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "\n");

    assertThatThrownBy(() -> open(VaultPasswords.of(List.of(), List.of(file), Map.of()), sealedWith("x", null)))
        .hasMessage("vault password file " + file + " holds no password");
  }

  @Test
  void promptVaultId_withoutATerminal_isRefusedWithAWayOut() {
    assertThatThrownBy(() -> VaultPasswords.of(List.of("prod@prompt"), List.of(), Map.of()))
        .hasMessage("--vault-id prod@prompt: there is no terminal to type the vault password at;"
            + " write it to a file (mode 600) and pass --vault-id prod@FILE");
  }

  @Test
  void promptVaultId_asksForItsLabel_andOpensWithTheTypedPassword() throws Exception {
    List<String> asked = new java.util.ArrayList<>();
    VaultPasswords passwords = VaultPasswords.of(List.of("prod@prompt"), List.of(), Map.of(), label -> {
      asked.add(label);
      return java.util.Optional.of(Secret.of("s3cret"));
    });
    assertThat(asked).containsExactly("prod");
    assertThat(passwords.labels()).containsExactly("prod");
    assertThat(passwords.toString()).doesNotContain("s3cret");
  }
}
