package io.trustchain.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleVaultTest {

  /** Written by {@code ansible-vault encrypt_string --vault-id prod@pw 's3cr3t-ünï'} (ansible-core 2.14). */
  static final String ANSIBLE_WRITTEN = """
      $ANSIBLE_VAULT;1.2;AES256;prod
      61656262653163386165326238333232653335343464653031333565313935303661316139393732
      3031336333323334326261336138336333663763616635620a303737623738326337333561663732
      62643133333463663461393933333339373838363162666433396433613764646664643562643537
      3766633832633261630a646230393664373433616335626435643339663537633031613463343733
      6563""";

  static final Secret PASSWORD = Secret.of("correct horse");

  @TempDir Path dir;

  @Test
  void decrypt_envelopeWrittenByAnsible_returnsPlaintext() throws Exception {
    byte[] plain = AnsibleVault.decrypt(ANSIBLE_WRITTEN, PASSWORD, "vars.yml:3:17");

    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("s3cr3t-ünï");
  }

  @Test
  void decrypt_indentedAsInYaml_stillOpens() throws Exception {
    String indented = ANSIBLE_WRITTEN.lines().map(l -> "          " + l).reduce((a, b) -> a + "\n" + b).orElseThrow();

    assertThat(AnsibleVault.decrypt(indented, PASSWORD, "x")).asString(StandardCharsets.UTF_8).isEqualTo("s3cr3t-ünï");
  }

  @Test
  void encrypt_thenDecrypt_roundTripsEveryPaddingLength() throws Exception {
    for (int n : new int[] {0, 1, 15, 16, 17, 31, 32, 33}) {
      byte[] plain = "x".repeat(n).getBytes(StandardCharsets.UTF_8);
      String envelope = AnsibleVault.encrypt(plain, PASSWORD, null);
      assertThat(AnsibleVault.decrypt(envelope, PASSWORD, "t")).isEqualTo(plain);
    }
  }

  @Test
  void encrypt_formatsLikeAnsible() {
    String envelope = AnsibleVault.encrypt("hello".getBytes(StandardCharsets.UTF_8), PASSWORD, "prod");

    List<String> lines = envelope.lines().toList();
    assertThat(lines.get(0)).isEqualTo("$ANSIBLE_VAULT;1.2;AES256;prod");
    assertThat(lines.subList(1, lines.size() - 1)).allSatisfy(l -> assertThat(l).hasSize(80).matches("[0-9a-f]+"));
    assertThat(lines.get(lines.size() - 1).length()).isBetween(1, 80);
    assertThat(envelope).endsWith("\n");
    assertThat(AnsibleVault.encrypt(new byte[1], PASSWORD, null)).startsWith("$ANSIBLE_VAULT;1.1;AES256\n");
    assertThat(AnsibleVault.encrypt(new byte[1], PASSWORD, "default")).startsWith("$ANSIBLE_VAULT;1.1;AES256\n");
  }

  @Test
  void encrypt_usesAFreshSaltEachTime() {
    byte[] plain = "same".getBytes(StandardCharsets.UTF_8);

    assertThat(AnsibleVault.encrypt(plain, PASSWORD, null)).isNotEqualTo(AnsibleVault.encrypt(plain, PASSWORD, null));
  }

  @Test
  void decrypt_wrongPassword_namesTheOriginAndWhatToCheck() {
    AnsibleVault vault = new AnsibleVault(VaultPasswords.single(null, Secret.of("wrong")));

    assertThatThrownBy(() -> vault.decrypt(ANSIBLE_WRITTEN, "playbooks/site.yml:12:15"))
        .isInstanceOf(SecretException.class)
        .hasMessage("no vault password opens playbooks/site.yml:12:15; check --vault-password-file"
            + " and --vault-id prod@FILE");
  }

  @Test
  void decrypt_tamperedCiphertext_isRejectedByTheHmac() {
    String envelope = AnsibleVault.encrypt("secret".getBytes(StandardCharsets.UTF_8), PASSWORD, null);
    String[] lines = envelope.split("\n");
    char last = lines[2].charAt(5);
    lines[2] = lines[2].substring(0, 5) + (last == '0' ? '1' : '0') + lines[2].substring(6);
    String tampered = String.join("\n", lines);

    assertThatThrownBy(() -> AnsibleVault.decrypt(tampered, PASSWORD, "t"))
        .isInstanceOf(SecretException.class);
  }

  @Test
  void decrypt_triesTheMatchingVaultIdFirstThenTheOthers() throws Exception {
    Path wrong = Files.writeString(dir.resolve("dev"), "nope\n");
    Path right = Files.writeString(dir.resolve("prod"), "correct horse\n");
    VaultPasswords passwords = VaultPasswords.of(List.of("dev@" + wrong, "other@" + right), List.of(), Map.of());

    assertThat(new AnsibleVault(passwords).decrypt(ANSIBLE_WRITTEN, "t")).asString(StandardCharsets.UTF_8)
        .isEqualTo("s3cr3t-ünï");
  }

  @Test
  void decrypt_noPasswordConfigured_saysHowToGiveOne() {
    AnsibleVault vault = new AnsibleVault(VaultPasswords.none());

    assertThat(vault.isConfigured()).isFalse();
    assertThatThrownBy(() -> vault.decrypt(ANSIBLE_WRITTEN, "group_vars/all.yml"))
        .hasMessage("group_vars/all.yml is vault-encrypted but no vault password is configured;"
            + " pass --vault-password-file FILE or --vault-id [label@]FILE");
  }

  @Test
  void checkEnvelope_truncatedBody_isMalformed() {
    String truncated = ANSIBLE_WRITTEN.substring(0, ANSIBLE_WRITTEN.length() - 30);

    assertThatThrownBy(() -> AnsibleVault.checkEnvelope(truncated, "site.yml:4:9"))
        .hasMessageStartingWith("the vault value at site.yml:4:9 is not a valid Ansible Vault envelope: ");
  }

  @Test
  void checkEnvelope_unknownVersion_isMalformed() {
    assertThatThrownBy(() -> AnsibleVault.checkEnvelope("$ANSIBLE_VAULT;2.0;AES256\n00", "o"))
        .hasMessageContaining("unsupported vault format version 2.0");
  }

  @Test
  void instanceEncrypt_usesTheLabelledPassword() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "correct horse");
    AnsibleVault vault = new AnsibleVault(VaultPasswords.of(List.of("prod@" + pw), List.of(), Map.of()));

    String envelope = vault.encrypt("k".getBytes(StandardCharsets.UTF_8), "prod");

    assertThat(envelope).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n");
    assertThat(AnsibleVault.decrypt(envelope, PASSWORD, "t")).asString(StandardCharsets.UTF_8).isEqualTo("k");
    assertThatThrownBy(() -> vault.encrypt(new byte[1], "dev"))
        .hasMessage("no vault password has the vault id dev; pass --vault-id dev@FILE");
  }

  @Test
  void vaultFile_plainFileIsReturnedAsIs_encryptedOneIsOpened() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.yml"), "a: 1\n");
    Path sealed = Files.writeString(dir.resolve("sealed.yml"),
        AnsibleVault.encrypt("b: 2\n".getBytes(StandardCharsets.UTF_8), PASSWORD, null));
    AnsibleVault vault = new AnsibleVault(VaultPasswords.single(null, PASSWORD));

    assertThat(VaultFile.read(plain, null).text()).isEqualTo("a: 1\n");
    assertThat(VaultFile.read(plain, null).encrypted()).isFalse();
    VaultFile opened = VaultFile.read(sealed, vault);
    assertThat(opened.encrypted()).isTrue();
    assertThat(opened.text()).isEqualTo("b: 2\n");
    assertThat(opened.stored()).isEqualTo(Files.readAllBytes(sealed));
    assertThatThrownBy(() -> VaultFile.read(sealed, null))
        .hasMessageStartingWith(sealed + " is vault-encrypted but no vault password is configured");
  }
}
