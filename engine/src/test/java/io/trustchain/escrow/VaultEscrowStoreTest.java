package io.trustchain.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.diag.SourceRange;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.secret.VaultPasswords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultEscrowStoreTest {

  static final String KEY = "YBC9-AQEF-WPME-WWRW-VHXO-WB3Y";   // the form of S34
  static final String OTHER = "3QKM-ABCD-EFGH-JKLM-NPQR-STUV";

  @TempDir Path dir;

  private AnsibleVault keyring() {
    return new AnsibleVault(VaultPasswords.single(null, Secret.of("correct horse battery")));
  }

  static EscrowEntry entry(String host, String value) {
    return new EscrowEntry(host, "personal_recovery_key", Secret.of(value), Instant.parse("2026-05-01T10:00:00Z"),
        "2025-09-15 03:00:12 +0000", Map.of("serial_number", "C02XL0GTJGH5", "enabled_user", "tcadmin"));
  }

  @Test
  void put_thenGet_givesBackTheValueAndItsMetadata_fromAnEncryptedFile() throws Exception {
    VaultEscrowStore store = new VaultEscrowStore(dir.resolve("escrow"), keyring(), null);
    store.put(entry("mac-01", KEY));

    Path file = dir.resolve("escrow/mac-01/personal_recovery_key.yml");
    assertThat(store.file("mac-01", "personal_recovery_key")).isEqualTo(file);
    assertThat(Files.readString(file)).startsWith("$ANSIBLE_VAULT;1.1;AES256\n").doesNotContain(KEY);
    EscrowEntry back = store.get("mac-01", "personal_recovery_key").orElseThrow();
    assertThat(back.value().matches(KEY.toCharArray())).isTrue();
    assertThat(back.escrowedAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(back.createdAt()).isEqualTo("2025-09-15 03:00:12 +0000");
    assertThat(back.details()).containsEntry("serial_number", "C02XL0GTJGH5").containsEntry("enabled_user", "tcadmin");
    assertThat(back.toString()).doesNotContain(KEY);
  }

  @Test
  void files_areReadableByTheOwnerOnly() throws Exception {
    VaultEscrowStore store = new VaultEscrowStore(dir.resolve("escrow"), keyring(), null);
    store.put(entry("mac-01", KEY));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("escrow/mac-01"))))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("escrow/mac-01/personal_recovery_key.yml")))).isEqualTo("rw-------");
  }

  @Test
  void put_replacesTheEntry_andKeepsTheOneBeforeOnce() throws Exception {
    VaultEscrowStore store = new VaultEscrowStore(dir, keyring(), null);
    store.put(entry("mac-01", KEY));
    store.put(entry("mac-01", OTHER));
    assertThat(store.get("mac-01", "personal_recovery_key").orElseThrow().value().matches(OTHER.toCharArray()))
        .isTrue();
    String previous = new String(keyring().decrypt(Files.readString(dir.resolve(
        "mac-01/personal_recovery_key.previous.yml")), "previous"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(previous).contains("value: \"" + KEY + "\"");
    try (var files = Files.list(dir.resolve("mac-01"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("personal_recovery_key.yml", "personal_recovery_key.previous.yml");
    }
  }

  @Test
  void get_ofAHostWithNothing_isEmpty() throws Exception {
    assertThat(new VaultEscrowStore(dir, keyring(), null).get("mac-02", "personal_recovery_key")).isEmpty();
  }

  @Test
  void get_withAnotherPassword_saysWhichFileItCannotOpen_withoutAValue() throws Exception {
    new VaultEscrowStore(dir, keyring(), null).put(entry("mac-01", KEY));
    VaultEscrowStore other = new VaultEscrowStore(dir,
        new AnsibleVault(VaultPasswords.single(null, Secret.of("wrong"))), null);
    assertThatThrownBy(() -> other.get("mac-01", "personal_recovery_key"))
        .isInstanceOf(EscrowException.class)
        .hasMessageContaining("cannot open " + dir.resolve("mac-01/personal_recovery_key.yml"))
        .hasMessageNotContaining(KEY);
  }

  @Test
  void get_ofAFileMovedToAnotherHost_isRefused() throws Exception {
    VaultEscrowStore store = new VaultEscrowStore(dir, keyring(), null);
    store.put(entry("mac-01", KEY));
    Files.createDirectories(dir.resolve("mac-02"));
    Files.copy(dir.resolve("mac-01/personal_recovery_key.yml"), dir.resolve("mac-02/personal_recovery_key.yml"));
    assertThatThrownBy(() -> store.get("mac-02", "personal_recovery_key"))
        .isInstanceOf(EscrowException.class).hasMessageContaining("holds an entry for mac-01/personal_recovery_key");
  }

  @Test
  void vaultId_makesA12Envelope() throws Exception {
    AnsibleVault labelled = new AnsibleVault(VaultPasswords.single("escrow", Secret.of("correct horse battery")));
    new VaultEscrowStore(dir, labelled, "escrow").put(entry("mac-01", KEY));
    assertThat(Files.readString(dir.resolve("mac-01/personal_recovery_key.yml")))
        .startsWith("$ANSIBLE_VAULT;1.2;AES256;escrow\n");
  }

  @Test
  void hostNamesThatAreNotFileNames_areRefused() {
    VaultEscrowStore store = new VaultEscrowStore(dir, keyring(), null);
    assertThatThrownBy(() -> store.put(entry("../etc", KEY))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot name an escrow entry");
  }

  @Test
  void open_aVaultStoreWithoutAVaultPassword_isAnErrorSayingWhatToPass() {
    EscrowSpec spec = EscrowSpec.vault(dir, null, dir, SourceRange.of(dir.resolve("site.yml"), 3, 5));
    assertThatThrownBy(() -> EscrowStores.open(spec, new AnsibleVault(VaultPasswords.none())))
        .isInstanceOf(EscrowException.class).hasMessageContaining("--vault-password-file");
    assertThatThrownBy(() -> EscrowStores.open(EscrowSpec.vault(dir, "nope", dir, null), keyring()))
        .isInstanceOf(EscrowException.class).hasMessageContaining("no vault password has the vault id nope");
  }

  @Test
  void putAndVerify_readsBack() throws Exception {
    VaultEscrowStore store = new VaultEscrowStore(dir, keyring(), null);
    assertThat(Escrow.putAndVerify(store, entry("mac-01", KEY))).isEqualTo(Escrow.Outcome.READ_BACK);
  }

  @Test
  void putAndVerify_aStoreThatGivesBackSomethingElse_fails_soTheMacKeepsItsCopy() {
    EscrowStore liar = new EscrowStore() {
      @Override
      public void put(EscrowEntry entry) {}

      @Override
      public Optional<EscrowEntry> get(String host, String item) {
        return Optional.of(entry(host, OTHER));
      }

      @Override
      public boolean canRead() {
        return true;
      }

      @Override
      public String describe() {
        return "liar";
      }
    };
    assertThatThrownBy(() -> Escrow.putAndVerify(liar, entry("mac-01", KEY)))
        .isInstanceOf(EscrowException.class)
        .hasMessage("the liar gives back a different personal_recovery_key for mac-01 than the one written;"
            + " the Mac's copy is kept");
  }

  @Test
  void specs_compareByStoreNotPosition() {
    SourceRange a = SourceRange.of(dir.resolve("a.yml"), 1, 1);
    SourceRange b = SourceRange.of(dir.resolve("b.yml"), 9, 9);
    assertThat(EscrowSpec.vault(dir, null, dir, a).sameStoreAs(EscrowSpec.vault(dir, null, dir, b))).isTrue();
    assertThat(EscrowSpec.vault(dir, null, dir, a).sameStoreAs(EscrowSpec.vault(dir.resolve("x"), null, dir, a)))
        .isFalse();
    assertThat(List.of(EscrowSpec.command("cat", null, dir, a).describe())).containsExactly("command store (cat)");
  }
}
