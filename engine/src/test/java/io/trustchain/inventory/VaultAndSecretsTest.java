package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostics;
import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Vault-encrypted vars files, inline {@code !vault} values and {@code !secret} references in inventories. */
class VaultAndSecretsTest {

  private static final Path VAULT_CASE = Fixtures.path("compare/vault/inventory.yml");

  @Test
  void anEncryptedVarsFileIsOpenedWithTheKeyring() {
    Inventory inventory = Fixtures.load(VAULT_CASE);
    assertThat(inventory.host("mac-lab-01").orElseThrow().vars())
        .containsEntry("vault_escrow_token", "plaintext-inside-the-vault")
        .containsEntry("fleet_secret_count", 3L);
  }

  @Test
  void inlineVaultValuesStaySecretReferences() {
    Object value = Fixtures.load(VAULT_CASE).host("mac-lab-02").orElseThrow().vars().get("ansible_become_password");
    assertThat(value).isInstanceOf(SecretRef.Vault.class);
    SecretRef.Vault vault = (SecretRef.Vault) value;
    assertThat(vault.envelope()).startsWith("$ANSIBLE_VAULT;1.1;AES256\n").doesNotContain("become-secret");
    assertThat(vault.describe()).endsWith("inventory.yml:15:36");
  }

  @Test
  void withoutAKeyringTheEncryptedFileIsAnErrorNamingIt() {
    Diagnostics diagnostics = new Diagnostics();
    assertThat(new InventoryLoader(null).load(VAULT_CASE, diagnostics)).isEmpty();
    assertThat(LoaderDiagnosticsTest.render(VAULT_CASE.getParent(), diagnostics)).isEqualTo(
        "group_vars/all.yml:1:1: error: cannot read all.yml: it is vault-encrypted and no vault password was given\n"
            + "  hint: pass --vault-password-file with the password that encrypted it");
  }

  @Test
  void aWrongPasswordIsAnErrorNamingTheFile() {
    Diagnostics diagnostics = new Diagnostics();
    assertThat(new InventoryLoader(Fixtures.wrongKeyring()).load(VAULT_CASE, diagnostics)).isEmpty();
    String rendered = LoaderDiagnosticsTest.render(VAULT_CASE.getParent(), diagnostics);
    assertThat(rendered).startsWith("group_vars/all.yml:1:1: error: cannot open vault-encrypted all.yml: ")
        .contains("hint: pass --vault-password-file");
  }

  @Test
  void problemsInsideADecryptedFileAreShownWithoutTheirLine() {
    Path inventory = Fixtures.path("secrets/broken-vault/inventory.yml");
    Diagnostics diagnostics = new Diagnostics();
    new InventoryLoader((envelope, origin) -> "- just\n- a list\n".getBytes()).load(inventory, diagnostics);
    assertThat(diagnostics.all()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("all.yml must be a mapping of variable names to values (inside the decrypted vault)");
      assertThat(d.showSnippet()).isFalse();
    });
  }

  @Test
  void secretTagsBecomeReferencesAndListShowsWhereTheyComeFrom() {
    Inventory inventory = Fixtures.load(Fixtures.path("secrets/tagged.yml"));
    Object password = inventory.host("mac-lab-01").orElseThrow().vars().get("ansible_become_password");
    assertThat(password).isEqualTo(new SecretRef.Env("TC_BECOME"));
    assertThat(InventoryViews.list(inventory)).contains("\"ansible_become_password\": \"!secret env:TC_BECOME\"");
  }
}
