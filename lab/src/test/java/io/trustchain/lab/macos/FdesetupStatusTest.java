package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fdesetup status (S25–S30), isactive (S46), has*recoverykey (S47), list (S32, S33), showdeferralinfo (S40, S41). */
class FdesetupStatusTest {

  @TempDir
  Path dir;

  private LabMac mac(String filevault) {
    return LabMac.inline(dir.resolve(String.valueOf(filevault.hashCode())),
        Scenarios.cast(Scenarios.catalina()) + "filevault: " + filevault + "\n");
  }

  @Test
  void status_onOff_S25_S26() {
    LabMac on = mac("{status: \"on\", personal_recovery_key: true}");
    LabMac.Result r = on.as("alice", "fdesetup", "status");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("FileVault is On.\n");
    LabMac.Result off = mac("{status: \"off\"}").as("alice", "fdesetup", "status");
    assertThat(off.exit()).isEqualTo(1);
    assertThat(off.out()).isEqualTo("FileVault is Off.\n");
  }

  @Test
  void status_deferredEnablement_S27() {
    LabMac mac = LabMac.shipped(dir, "deferred-never-fired.yml");
    LabMac.Result r = mac.as("alice", "fdesetup", "status");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("FileVault is Off.\nDeferred enablement appears to be active for user 'alice'.\n");
  }

  @Test
  void status_encrypting_exit2_S28() {
    LabMac.Result r = mac("{status: encrypting, percent: 42.5}").as("alice", "fdesetup", "status");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEqualTo("FileVault is On.\nEncryption in progress: Percent completed = 42.5\n");
  }

  @Test
  void status_decrypting_firstLineConfigurable_S30() {
    LabMac.Result on = mac("{status: decrypting, percent: 35}").as("alice", "fdesetup", "status");
    assertThat(on.exit()).isEqualTo(2);
    assertThat(on.out()).isEqualTo("FileVault is On.\nDecryption in progress: Percent completed = 35\n");
    assertThat(mac("{status: decrypting, percent: 35, decrypting_first_line: \"Off\"}").as("alice", "fdesetup", "status")
        .out()).isEqualTo("FileVault is Off.\nDecryption in progress: Percent completed = 35\n");
  }

  @Test
  void isactive_S46() {
    LabMac.Result t = mac("{status: \"on\"}").as("alice", "fdesetup", "isactive");
    assertThat(t.exit()).isZero();
    assertThat(t.out()).isEqualTo("true\n");
    LabMac.Result f = mac("{status: \"off\"}").as("alice", "fdesetup", "isactive");
    assertThat(f.exit()).isEqualTo(1);
    assertThat(f.out()).isEqualTo("false\n");
  }

  @Test
  void hasRecoveryKeys_S47() {
    LabMac mac = mac("{status: \"on\", personal_recovery_key: true}");
    assertThat(mac.sudo("fdesetup", "haspersonalrecoverykey").out()).isEqualTo("true\n");
    assertThat(mac.sudo("fdesetup", "hasinstitutionalrecoverykey").out()).isEqualTo("false\n");
    assertThat(mac.sudo("fdesetup", "hasinstitutionalrecoverykey").exit()).isZero();
    assertThat(mac("{status: \"on\"}").sudo("fdesetup", "haspersonalrecoverykey").out()).isEqualTo("false\n");
  }

  @Test
  void list_shortNameCommaUuid_inCryptoOrder_S32() {
    LabMac mac = LabMac.shipped(dir, "bigsur-intel.yml");
    String tcadmin = mac.account("tcadmin").generatedUid();
    String ladmin = mac.account("ladmin").generatedUid();
    LabMac.Result r = mac.sudo("fdesetup", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("tcadmin," + tcadmin + "\nladmin," + ladmin + "\n");
    assertThat(mac.as("alice", "fdesetup", "list").exit()).isNotZero();
  }

  @Test
  void listExtended_columns_S33() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    String tcadmin = mac.account("tcadmin").generatedUid();
    String alice = mac.account("alice").generatedUid();
    assertThat(mac.sudo("fdesetup", "list", "-extended").out()).isEqualTo(
        "ESCROW  UUID                                                                     TYPE USER\n"
        + "        " + tcadmin + "                                  OS User tcadmin\n"
        + "        " + alice + "                                  OS User alice\n"
        + "        2457711A-523C-4604-B75A-F48A571D5036                          Bootstrap Token\n"
        + "        EBC6C064-0000-11AA-AA11-00306543ECAC                 Personal Recovery Record\n");
  }

  @Test
  void showdeferralinfo_notFound_S41_andActive_S40() {
    LabMac none = mac("{status: \"off\"}");
    LabMac.Result r = none.sudo("fdesetup", "showdeferralinfo");
    assertThat(r.exit()).isEqualTo(20);
    assertThat(r.out()).isEqualTo("Not found.\n");
    LabMac active = LabMac.shipped(dir, "deferred-never-fired.yml");
    assertThat(active.sudo("fdesetup", "showdeferralinfo").out()).isEqualTo("""
        {
            Defer = 1;
            DeferDontAskAtUserLogout = 1;
            DeferForceAtUserLoginMaxBypassAttempts = 3;
            OutputPath = "/var/db/trustchain-filevault.plist";
            ShowRecoveryKey = 0;
            Usernames =     (
                alice
            );
        }
        """);
  }
}
