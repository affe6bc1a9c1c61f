package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deferred FileVault enablement at login and logout, -forceatlogin counting, the output plist (S27, S39, S42). */
class DeferralEventsTest {

  @TempDir
  Path dir;

  @Test
  void deferralFiresAtTheUsersLogin_writesTheOutputPlist_S42() {
    LabMac mac = LabMac.shipped(dir, "deferred-never-fired.yml");
    assertThat(mac.event("login", "tcadmin")).isEqualTo("tcadmin logged in"); // not the deferral's user
    String said = mac.event("login", "alice");
    assertThat(said).isEqualTo("alice logged in; FileVault was enabled at alice's login (recovery key written to "
        + "/var/db/trustchain-filevault.plist)");
    assertThat(mac.as("alice", "fdesetup", "status").out()).isEqualTo("FileVault is On.\n");
    String plist = mac.sudo("cat", "/var/db/trustchain-filevault.plist").out();
    assertThat(plist).contains("\t<key>EnabledUser</key>\n\t<string>alice</string>\n")
        .containsPattern("<key>RecoveryKey</key>\n\t<string>([A-Z0-9]{4}-){5}[A-Z0-9]{4}</string>");
    String key = plist.replaceAll("(?s).*<key>RecoveryKey</key>\n\t<string>([^<]+)</string>.*", "$1");
    assertThat(mac.run("root", key + "\n", "fdesetup", "validaterecovery").out()).isEqualTo("true\n");
    assertThat(mac.sudo("fdesetup", "showdeferralinfo").exit()).isEqualTo(20);
  }

  @Test
  void decliningUsesUpForceAtLoginUntilTheLoginIsForced() {
    LabMac mac = LabMac.shipped(dir, "deferred-never-fired.yml"); // force_at_login: 3
    assertThat(mac.event("login-decline", "alice")).endsWith("alice declined to enable FileVault (2 more may be declined)");
    assertThat(mac.event("login-decline", "alice")).endsWith("(1 more may be declined)");
    assertThat(mac.event("login-decline", "alice")).endsWith("(the next login is forced)");
    assertThat(mac.as("alice", "fdesetup", "isactive").out()).isEqualTo("false\n");
    assertThat(mac.event("login-decline", "alice")).contains("FileVault was enabled at alice's login");
    assertThat(mac.as("alice", "fdesetup", "isactive").out()).isEqualTo("true\n");
  }

  @Test
  void logoutAsksUnlessDontAskAtLogout() {
    LabMac asked = LabMac.shipped(dir.resolve("a"), "sequoia-arm.yml");
    asked.sudo("fdesetup", "enable", "-defer", "/var/db/fv.plist", "-user", "tcadmin");
    asked.event("login-decline", "tcadmin");
    assertThat(asked.event("logout", "tcadmin")).contains("FileVault was enabled at tcadmin's logout");
    LabMac notAsked = LabMac.shipped(dir.resolve("b"), "sequoia-arm.yml");
    notAsked.sudo("fdesetup", "enable", "-defer", "/var/db/fv.plist", "-user", "tcadmin", "-dontaskatlogout");
    notAsked.event("login-decline", "tcadmin");
    assertThat(notAsked.event("logout", "tcadmin")).isEqualTo("tcadmin logged out");
    assertThat(notAsked.as("alice", "fdesetup", "isactive").out()).isEqualTo("false\n");
  }

  @Test
  void aSecondDeferralIsRefusedWhileOneIsActive_disableRemovesIt() {
    LabMac mac = LabMac.shipped(dir, "deferred-never-fired.yml"); // force_at_login: 3
    LabMac.Result again = mac.sudo("fdesetup", "enable", "-defer", "/var/db/trustchain-filevault.plist", "-user", "alice",
        "-forceatlogin", "0");
    assertThat(again.exit()).isEqualTo(20);
    assertThat(mac.sudo("fdesetup", "showdeferralinfo").out()).contains("DeferForceAtUserLoginMaxBypassAttempts = 3;");
    assertThat(mac.sudo("fdesetup", "disable").exit()).isZero();
    assertThat(mac.sudo("fdesetup", "enable", "-defer", "/var/db/trustchain-filevault.plist", "-user", "alice",
        "-forceatlogin", "0").exit()).isZero();
    assertThat(mac.sudo("fdesetup", "showdeferralinfo").out()).contains("DeferForceAtUserLoginMaxBypassAttempts = 0;");
    assertThat(mac.event("login-decline", "alice")).contains("FileVault was enabled at alice's login");
  }

  @Test
  void deferralForAUserWithoutTokenCannotFire_whenOthersHoldTokens() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    mac.sudo("fdesetup", "enable", "-defer", "/var/db/fv.plist", "-user", "alice", "-forceatlogin", "0");
    assertThat(mac.event("login", "alice")).contains("could not enable FileVault at alice's login (alice has no "
        + "Secure Token); it stays active");
    assertThat(mac.as("alice", "fdesetup", "status").out()).endsWith("active for user 'alice'.\n");
  }

  @Test
  void deferralGrantsTheFirstTokenToItsUser_on10_15() {
    LabMac mac = LabMac.inline(dir, Scenarios.catalina() + "users:\n" + Scenarios.user("ladmin", "admin: true")
        + Scenarios.user("alice", "disabled_tags: true") + "filevault:\n  deferral: {user: ladmin, force_at_login: 0}\n"
        + "volume: {token_ever_granted: false}\n");
    // alice logs in first but is tagged, so she takes no token; ladmin's login then fires the deferral
    assertThat(mac.event("login", "alice")).isEqualTo("alice logged in");
    String said = mac.event("login", "ladmin");
    assertThat(said).contains("granted ladmin the volume's first Secure Token");
    assertThat(mac.tokenStatus("ladmin")).isEqualTo("ENABLED");
    assertThat(mac.as("ladmin", "fdesetup", "status").out()).startsWith("FileVault is On.");
  }

  @Test
  void macOSDoesNotDateADeferral_trustchainsMarkerDoes_andTheClockMovesOn() {
    LabMac mac = LabMac.shipped(dir, "deferred-never-fired.yml");
    assertThat(mac.sudo("fdesetup", "showdeferralinfo").out()).doesNotContain("Date");
    assertThat(mac.sudo("cat", "/var/db/trustchain-filevault-deferral").out()).isEqualTo("2025-09-19T07:00:00Z\n");
    assertThat(mac.sudo("date", "-u", "+%Y-%m-%dT%H:%M:%SZ").out()).startsWith("2025-11-03T07:00:");
    mac.event("advance-days", "30");
    assertThat(mac.sudo("date", "-u", "+%Y-%m-%dT%H:%M:%SZ").out()).startsWith("2025-12-03T07:00:");
    assertThat(mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err()).startsWith("2025-12-03 ");
  }

  @Test
  void encryptedDecryptionOnIntel_progressesWithRebootsAndDays() {
    LabMac mac = LabMac.shipped(dir, "bigsur-intel.yml");
    mac.run("root", FdesetupChangeTest.plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "disable",
        "-inputplist");
    assertThat(mac.as("alice", "fdesetup", "status").out())
        .isEqualTo("FileVault is On.\nDecryption in progress: Percent completed = 0\n");
    assertThat(mac.event("reboot", null)).endsWith("decryption at 50%");
    assertThat(mac.event("advance-days", "2")).endsWith("FileVault decryption finished");
    assertThat(mac.as("alice", "fdesetup", "status").out()).isEqualTo("FileVault is Off.\n");
  }
}
