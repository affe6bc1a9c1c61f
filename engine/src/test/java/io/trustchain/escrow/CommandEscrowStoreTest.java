package io.trustchain.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandEscrowStoreTest {

  @TempDir Path dir;

  private static final String STORE = "cat > \"kept-$TRUSTCHAIN_HOST-$TRUSTCHAIN_ITEM\"";
  private static final String READ = "cat \"kept-$TRUSTCHAIN_HOST-$TRUSTCHAIN_ITEM\" 2>/dev/null || true";

  @Test
  void theSecretGoesToStdin_withHostAndItemInTheEnvironment_andReadsBack() throws Exception {
    CommandEscrowStore store = new CommandEscrowStore(STORE + "; env | grep TRUSTCHAIN_ | sort > env.txt", READ, dir);
    assertThat(Escrow.putAndVerify(store, VaultEscrowStoreTest.entry("mac-01", VaultEscrowStoreTest.KEY)))
        .isEqualTo(Escrow.Outcome.READ_BACK);
    assertThat(Files.readString(dir.resolve("kept-mac-01-personal_recovery_key")))
        .isEqualTo(VaultEscrowStoreTest.KEY + "\n");
    assertThat(Files.readString(dir.resolve("env.txt"))).contains("TRUSTCHAIN_HOST=mac-01",
        "TRUSTCHAIN_ITEM=personal_recovery_key", "TRUSTCHAIN_ESCROWED_AT=2026-05-01T10:00:00Z",
        "TRUSTCHAIN_CREATED_AT=2025-09-15 03:00:12 +0000", "TRUSTCHAIN_SERIAL_NUMBER=C02XL0GTJGH5",
        "TRUSTCHAIN_ENABLED_USER=tcadmin");
    assertThat(store.status("mac-02", "personal_recovery_key")).as("nothing printed: nothing stored").isEmpty();
  }

  @Test
  void aFailingCommand_isReportedByItsStatusOnly() {
    CommandEscrowStore store = new CommandEscrowStore("cat >&2; echo oops; exit 3", READ, dir);
    assertThatThrownBy(() -> store.put(VaultEscrowStoreTest.entry("mac-01", VaultEscrowStoreTest.KEY)))
        .isInstanceOf(EscrowException.class)
        .hasMessage("the escrow command exited with status 3 for personal_recovery_key of mac-01: not stored;"
            + " run it yourself to see why");
  }

  @Test
  void aReadCommandThatFails_isAnError_notAnEmptyStore() {
    CommandEscrowStore store = new CommandEscrowStore(STORE, "exit 4", dir);
    assertThatThrownBy(() -> store.get("mac-01", "personal_recovery_key"))
        .isInstanceOf(EscrowException.class).hasMessageContaining("read_command exited with status 4");
  }

  @Test
  void withoutReadCommand_theStoreIsTakenAtItsWord() throws Exception {
    CommandEscrowStore store = new CommandEscrowStore(STORE, null, dir);
    assertThat(store.canRead()).isFalse();
    assertThat(Escrow.putAndVerify(store, VaultEscrowStoreTest.entry("mac-01", VaultEscrowStoreTest.KEY)))
        .isEqualTo(Escrow.Outcome.STORED_UNVERIFIED);
    assertThatThrownBy(() -> store.get("mac-01", "personal_recovery_key")).isInstanceOf(EscrowException.class)
        .hasMessageContaining("has no read_command");
  }

  @Test
  void aCommandThatHangs_isKilled() {
    CommandEscrowStore store = new CommandEscrowStore("sleep 30", null, dir, Duration.ofMillis(300));
    assertThatThrownBy(() -> store.put(VaultEscrowStoreTest.entry("mac-01", VaultEscrowStoreTest.KEY)))
        .isInstanceOf(EscrowException.class).hasMessageContaining("did not finish within 0 s");
  }
}
