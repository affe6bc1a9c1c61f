package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diskutil apfs listCryptoUsers and aliases: S57–S60 layout, Volume Owner lines (rule 8), fixed UUIDs (rule 9). */
class DiskutilTest {

  @TempDir
  Path dir;

  @Test
  void intelCatalina_noVolumeOwnerLines_lastEntryFourSpaces_S57() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina())
        + "mdm: {enrolled: true, dep: true, supervised: true, server_supports_bootstrap: true}\n"
        + "bootstrap_token: {escrowed: true}\nfilevault: {status: \"on\", personal_recovery_key: true}\n");
    String tcadmin = mac.account("tcadmin").generatedUid();
    LabMac.Result r = mac.as("alice", "diskutil", "apfs", "listCryptoUsers", "/");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("""
        Cryptographic users for disk1s5 (3 found)
        |
        +-- %s
        |   Type: Local Open Directory User
        |
        +-- 2457711A-523C-4604-B75A-F48A571D5036
        |   Type: MDM Bootstrap Token External Key
        |
        +-- EBC6C064-0000-11AA-AA11-00306543ECAC
            Type: Personal Recovery User
        """.formatted(tcadmin));
  }

  @Test
  void appleSilicon_volumeOwnerOnEveryEntry_S58() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    String out = mac.as("alice", "diskutil", "apfs", "listcryptoUsers", "/").out();
    assertThat(out).startsWith("Cryptographic users for disk3s1s1 (4 found)\n|\n+-- "
        + mac.account("tcadmin").generatedUid() + "\n|   Type: Local Open Directory User\n|   Volume Owner: Yes\n|\n");
    assertThat(out).endsWith("+-- EBC6C064-0000-11AA-AA11-00306543ECAC\n    Type: Personal Recovery User\n"
        + "    Volume Owner: Yes\n");
    assertThat(out).doesNotContain(mac.account("bob").generatedUid()); // no token: no crypto user (rule 8)
  }

  @Test
  void singleUser_singularHeader_S60_andAliases() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.bigSur()));
    for (String verb : new String[] {"listUsers", "listCryptoKeys", "listkeys", "LISTCRYPTOUSERS"}) {
      assertThat(mac.as("alice", "diskutil", "apfs", verb, "/").out())
          .isEqualTo("Cryptographic user for disk1s5s1 (1 found)\n|\n+-- " + mac.account("tcadmin").generatedUid()
              + "\n    Type: Local Open Directory User\n");
    }
    assertThat(mac.as("alice", "diskutil", "apfs", "listUsers", "disk1s5s1").exit()).isZero();
    assertThat(mac.as("alice", "diskutil", "apfs", "listUsers", "disk9").exit()).isEqualTo(1);
  }

  @Test
  void grantingAndRevokingTokensChangesTheListInOrder() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"), "-secureTokenOn",
        "alice", "-password", LabMac.password("alice"));
    String out = mac.as("alice", "diskutil", "apfs", "listUsers", "/").out();
    assertThat(out).startsWith("Cryptographic users for disk3s1s1 (2 found)")
        .containsSubsequence(mac.account("tcadmin").generatedUid(), mac.account("alice").generatedUid());
  }
}
