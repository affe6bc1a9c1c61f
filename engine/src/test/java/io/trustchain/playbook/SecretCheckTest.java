package io.trustchain.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultKeyring;
import io.trustchain.secret.VaultPasswords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  @Test
  void checkAll_reportsWhatCheckingOneByOneReports_andOpensEachValueOnce() {
    SecretRef.Vault wrong = new SecretRef.Vault(
        AnsibleVault.encrypt(new byte[] {'x'}, Secret.of("another"), null), "group_vars/lab.yml:9:9");
    SecretRef.Vault third = new SecretRef.Vault(
        AnsibleVault.encrypt(new byte[] {'y'}, Secret.of("right"), null), "group_vars/lab.yml:12:9");
    List<SecretCheck.Request> requests = List.of(new SecretCheck.Request(VAULTED, AT),
        new SecretCheck.Request(wrong, SourceRange.of(Path.of("site.yml"), 20, 5)),
        new SecretCheck.Request(VAULTED, SourceRange.of(Path.of("site.yml"), 30, 5)),
        new SecretCheck.Request(new SecretRef.Env("TC_UNSET"), SourceRange.of(Path.of("site.yml"), 40, 5)),
        new SecretCheck.Request(third, SourceRange.of(Path.of("site.yml"), 50, 5)));
    Counting together = new Counting();
    Diagnostics all = new Diagnostics();
    new SecretCheck(Map.of(), together).checkAll(requests, all);
    Diagnostics oneByOne = new Diagnostics();
    SecretCheck single = new SecretCheck(Map.of(), new Counting());
    requests.forEach(r -> single.check(r.ref(), r.at(), oneByOne));

    assertThat(all.all()).isEqualTo(oneByOne.all());
    assertThat(all.all().stream().map(Diagnostic::toString)).containsExactly(
        "site.yml:20:5: error: no vault password opens group_vars/lab.yml:9:9",
        "site.yml:40:5: error: secret env:TC_UNSET: environment variable TC_UNSET is not set");
    assertThat(together.opened).containsExactlyInAnyOrder(VAULTED.envelope(), wrong.envelope(), third.envelope());
    assertThat(together.threads).as("opened at the same time, not on the caller's thread")
        .doesNotContain(Thread.currentThread());
  }

  /** The vault with the right password, counting what it is asked to open and on which threads. */
  private static final class Counting implements VaultKeyring {
    final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AnsibleVault vault = new AnsibleVault(VaultPasswords.single(null, Secret.of("right")));

    @Override
    public byte[] decrypt(String envelope, String origin) throws SecretException {
      opened.add(envelope);
      threads.add(Thread.currentThread());
      return vault.decrypt(envelope, origin);
    }
  }
}
