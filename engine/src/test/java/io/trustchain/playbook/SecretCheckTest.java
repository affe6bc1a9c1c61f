package io.trustchain.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultPasswords;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a secret that cannot be had says: which secret once, then why. */
class SecretCheckTest {

  private static final SourceRange AT = SourceRange.of(Path.of("site.yml"), 11, 15);
  private static final SecretRef.Vault VAULTED = new SecretRef.Vault(
      AnsibleVault.encrypt(new byte[] {'p', 'w'}, Secret.of("right"), null), "group_vars/lab.yml:3:25");

  private static List<String> check(AnsibleVault vault, SecretRef ref) {
    Diagnostics d = new Diagnostics();
    new SecretCheck(Map.of(), vault).check(ref, AT, d);
    return d.all().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aVaultValueWithoutAPassword_isNamedOnce() {
    assertThat(check(new AnsibleVault(VaultPasswords.none()), VAULTED)).containsExactly(
        "site.yml:11:15: error: secret vault:group_vars/lab.yml:3:25 is vault-encrypted but no vault password is"
            + " configured");
  }

  @Test
  void aVaultValueTheWrongPasswordCannotOpen_isNamedOnce() {
    assertThat(check(new AnsibleVault(VaultPasswords.single(null, Secret.of("wrong"))), VAULTED)).containsExactly(
        "site.yml:11:15: error: no vault password opens group_vars/lab.yml:3:25");
  }

  @Test
  void theRightPassword_opensIt() {
    assertThat(check(new AnsibleVault(VaultPasswords.single(null, Secret.of("right"))), VAULTED)).isEmpty();
  }

  @Test
  void otherMessages_arePrefixedWithTheSecret() {
    assertThat(SecretCheck.named(new SecretRef.Env("PW"), "environment variable PW is not set"))
        .isEqualTo("secret env:PW: environment variable PW is not set");
    assertThat(SecretCheck.named(new SecretRef.Env("PW"), "secret env:PW is empty")).isEqualTo("secret env:PW is empty");
    assertThat(SecretCheck.named(VAULTED, "the vault is broken")).isEqualTo("secret vault:group_vars/lab.yml:3:25:"
        + " the vault is broken");
  }
}
