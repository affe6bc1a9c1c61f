package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fdesetup enable (S34–S36, S39, S42, rule 5), add (S43, S44), remove (S45), changerecovery (S37), disable. */
class FdesetupChangeTest {

  @TempDir
  Path dir;

  static String plist(String user, String password) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>Username</key><string>"
        + user + "</string><key>Password</key><string>" + password + "</string></dict></plist>\n";
  }

  static String plistAdding(String user, String password, String added, String addedPassword) {
    return "<plist version=\"1.0\"><dict><key>Username</key><string>" + user + "</string><key>Password</key><string>"
        + password + "</string><key>AdditionalUsers</key><array><dict><key>Username</key><string>" + added
        + "</string><key>Password</key><string>" + addedPassword + "</string></dict></array></dict></plist>";
  }

  @Test
  void enableInputPlistOutputPlist_headless_S42() {
    LabMac mac = LabMac.shipped(dir, "headless.yml");
    LabMac.Result r = mac.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "enable",
        "-inputplist", "-outputplist");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC")
        .contains("\t<key>EnabledDate</key>\n\t<string>2025-09-15 03:00:", "\t<key>EnabledUser</key>\n\t<string>tcadmin</string>\n",
            "\t<key>HardwareUUID</key>", "\t<key>SerialNumber</key>")
        .containsPattern("\t<key>RecoveryKey</key>\n\t<string>[A-Z0-9]{4}(-[A-Z0-9]{4}){5}</string>\n")
        .endsWith("</dict>\n</plist>\n");
    LabMac.Result status = mac.as("ladmin", "fdesetup", "status");
    assertThat(status.exit()).isEqualTo(2); // Intel: encrypting
    assertThat(status.out()).isEqualTo("FileVault is On.\nEncryption in progress: Percent completed = 0\n");
    assertThat(mac.event("reboot", null)).endsWith("encryption at 50%");
    assertThat(mac.event("advance-days", "1")).endsWith("FileVault encryption finished");
    assertThat(mac.as("ladmin", "fdesetup", "status").out()).isEqualTo("FileVault is On.\n");
  }

  @Test
  void enableOnAppleSilicon_isImmediate_andPrintsTheKeyUpTo15_S34() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    LabMac.Result r = mac.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "enable", "-inputplist");
    assertThat(r.out()).matches("Recovery key = '[A-Z0-9]{4}(-[A-Z0-9]{4}){5}'\n");
    assertThat(mac.as("alice", "fdesetup", "status").out()).isEqualTo("FileVault is On.\n");
  }

  @Test
  void enableOnTahoe_printsNoKey_S35() {
    LabMac mac = LabMac.shipped(dir, "tahoe-arm.yml");
    LabMac.Result r = mac.run("root", "tcadmin\n" + LabMac.password("tcadmin") + "\n", "fdesetup", "enable");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEqualTo("Enter the user name:Enter the password for user 'tcadmin':");
    assertThat(r.out()).isEmpty();
    assertThat(mac.sudo("fdesetup", "haspersonalrecoverykey").out()).isEqualTo("true\n");
  }

  @Test
  void enable_wrongPasswordOrTokenlessUser_refused() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    LabMac.Result wrong = mac.run("root", plist("tcadmin", "nope"), "fdesetup", "enable", "-inputplist");
    assertThat(wrong.exit()).isEqualTo(11);
    assertThat(wrong.err()).isEqualTo("Error: User authentication failed.\n");
    LabMac.Result tokenless = mac.run("root", plist("alice", LabMac.password("alice")), "fdesetup", "enable",
        "-inputplist");
    assertThat(tokenless.exit()).isNotZero();
    assertThat(tokenless.err()).contains("does not have a Secure Token");
    assertThat(mac.as("alice", "fdesetup", "isactive").out()).isEqualTo("false\n");
  }

  @Test
  void enable_catalinaAuthorizationPolicy_needsUserApprovedMdmOrAuthorization_rule5() {
    LabMac unmanaged = LabMac.shipped(dir.resolve("a"), "catalina-intel.yml");
    LabMac.Result r = unmanaged.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "enable",
        "-inputplist");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("not authorized", "Full Disk Access");
    LabMac authorized = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.catalina())
        + "filevault: {authorized: true}\n");
    assertThat(authorized.run("root", plist("tcadmin", "pw-tcadmin"), "fdesetup", "enable", "-inputplist").exit())
        .isZero();
    LabMac mojave = LabMac.inline(dir.resolve("c"), Scenarios.cast(Scenarios.os("10.14.6", "18G95", "x86_64")));
    assertThat(mojave.run("root", plist("tcadmin", "pw-tcadmin"), "fdesetup", "enable", "-inputplist").exit())
        .isZero();
  }

  @Test
  void enable_firstEnablerGetsTheFirstToken_on10_15_rule1() {
    LabMac mac = LabMac.inline(dir, Scenarios.catalina() + "users:\n" + Scenarios.user("ladmin", "admin: true")
        + "filevault: {authorized: true}\n");
    LabMac.Result r = mac.run("root", plist("ladmin", "pw-ladmin"), "fdesetup", "enable", "-inputplist");
    assertThat(r.exit()).isZero();
    assertThat(mac.tokenStatus("ladmin")).isEqualTo("ENABLED");
  }

  @Test
  void enable_blankPasswordTokenUser_exit37_andManagementSettings_exit31() {
    LabMac blank = LabMac.inline(dir.resolve("a"), Scenarios.cast(Scenarios.sequoia())
        + "volume: {token_ever_granted: true}\nfilevault: {authorized: true}\n");
    blank.sudo("dscl", ".", "-create", "/Users/nopw");
    blank.state(s -> {
      io.trustchain.lab.macos.rules.SecureTokens.grant(s, s.user("nopw").orElseThrow(),
          io.trustchain.lab.macos.rules.SecureTokens.Placement.AT_END);
      return null;
    });
    assertThat(blank.run("root", plist("tcadmin", "pw-tcadmin"), "fdesetup", "enable", "-inputplist").exit())
        .isEqualTo(37);
    LabMac managed = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.sequoia())
        + "filevault: {dont_allow_fde_enable: true}\n");
    assertThat(managed.run("root", plist("tcadmin", "pw-tcadmin"), "fdesetup", "enable", "-inputplist").exit())
        .isEqualTo(31);
  }

  @Test
  void enable_whenAlreadyOn() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    assertThat(mac.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "enable", "-inputplist")
        .exit()).isEqualTo(32);
  }

  @Test
  void enableDefer_isSilent_S39_andReplacesAnyDeferral() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    LabMac.Result r = mac.sudo("fdesetup", "enable", "-defer", "/var/db/fdesetup.plist", "-forceatlogin", "0",
        "-dontaskatlogout", "-user", "tcadmin");
    assertThat(r.exit()).isZero();
    assertThat(r.out() + r.err()).isEmpty();
    assertThat(mac.as("alice", "fdesetup", "status").out()).endsWith("active for user 'tcadmin'.\n");
    assertThat(mac.sudo("fdesetup", "showdeferralinfo").out()).contains("DeferForceAtUserLoginMaxBypassAttempts = 0;");
  }

  @Test
  void add_grantsTheToken_withTokenHolderCredentials_S44() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    LabMac.Result r = mac.run("root", plistAdding("tcadmin", LabMac.password("tcadmin"), "bob", LabMac.password("bob")),
        "fdesetup", "add", "-usertoadd", "bob", "-inputplist");
    assertThat(r.exit()).isZero();
    assertThat(mac.tokenStatus("bob")).isEqualTo("ENABLED");
    assertThat(mac.sudo("fdesetup", "list").out()).contains("bob,");
  }

  @Test
  void add_withPrompts_S44_S86() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    LabMac.Result r = mac.run("root", LabMac.password("tcadmin") + "\n" + LabMac.password("bob") + "\n", "fdesetup",
        "add", "-usertoadd", "bob", "-user", "tcadmin");
    assertThat(r.err()).isEqualTo("Enter the password for user 'tcadmin':Enter the password for the added user 'bob':");
    assertThat(mac.tokenStatus("bob")).isEqualTo("ENABLED");
  }

  @Test
  void add_byNonTokenUser_fails17_S43() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    LabMac.Result r = mac.run("root", plistAdding("ladmin", LabMac.password("ladmin"), "bob", LabMac.password("bob")),
        "fdesetup", "add", "-usertoadd", "bob", "-inputplist", "-verbose");
    assertThat(r.exit()).isEqualTo(17);
    assertThat(r.out()).isEqualTo("""
        fdesetup: auth info dictionary path = stdin
        fdesetup: device path = /
        OD user 'ladmin' could not be authenticated.
        Adding user 'bob' to existing FileVault
        Error: user could not be added (-69578).
        Error: Unable to add one or more users to FileVault.
        """);
    assertThat(mac.token("bob")).isFalse();
  }

  @Test
  void add_whenFileVaultIsOff_exit28() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(mac.run("root", plistAdding("tcadmin", LabMac.password("tcadmin"), "alice", LabMac.password("alice")),
        "fdesetup", "add", "-usertoadd", "alice", "-inputplist").exit()).isEqualTo(28);
  }

  @Test
  void remove_takesTheToken_butNeverFromTheLastOne_exit25_S45() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    assertThat(mac.sudo("fdesetup", "remove", "-user", "alice").exit()).isZero();
    assertThat(mac.tokenStatus("alice")).isEqualTo("DISABLED");
    LabMac.Result last = mac.sudo("fdesetup", "remove", "-user", "tcadmin");
    assertThat(last.exit()).isEqualTo(25);
    assertThat(mac.tokenStatus("tcadmin")).isEqualTo("ENABLED");
  }

  @Test
  void changerecovery_printsTheNewKey_andOnlyItIsValid_S37() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    String old = mac.state(s -> s.fileVault().personalRecoveryKey());
    LabMac.Result r = mac.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "changerecovery",
        "-personal", "-inputplist");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).matches("New personal recovery key = '[A-Z0-9]{4}(-[A-Z0-9]{4}){5}'\n");
    String fresh = r.out().replaceAll(".*'(.*)'\\s*", "$1");
    assertThat(mac.run("root", fresh + "\n", "fdesetup", "validaterecovery").out()).isEqualTo("true\n");
    assertThat(mac.run("root", old + "\n", "fdesetup", "validaterecovery").out()).isEqualTo("false\n");
  }

  @Test
  void changerecovery_authenticatedByTheOldKey_orRefused_S87() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    String old = mac.state(s -> s.fileVault().personalRecoveryKey());
    assertThat(mac.run("root", plist("", old), "fdesetup", "changerecovery", "-personal", "-inputplist").exit())
        .isZero();
    LabMac.Result bad = mac.run("root", plist("tcadmin", "nope"), "fdesetup", "changerecovery", "-personal",
        "-inputplist");
    assertThat(bad.exit()).isEqualTo(11);
    assertThat(bad.err()).isEqualTo("Error: Unable to unlock FileVault.\n");
  }

  @Test
  void disable_isExplicit_andRemovesADeferralWhenOff() {
    LabMac on = LabMac.shipped(dir.resolve("a"), "ventura-arm.yml");
    LabMac.Result r = on.run("root", plist("tcadmin", LabMac.password("tcadmin")), "fdesetup", "disable", "-inputplist");
    assertThat(r.out()).isEqualTo("FileVault has been disabled.\n");
    assertThat(on.as("alice", "fdesetup", "status").out()).isEqualTo("FileVault is Off.\n");
    assertThat(on.sudo("fdesetup", "haspersonalrecoverykey").out()).isEqualTo("false\n");
    LabMac deferred = LabMac.shipped(dir.resolve("b"), "deferred-never-fired.yml");
    assertThat(deferred.sudo("fdesetup", "disable").exit()).isZero();
    assertThat(deferred.sudo("fdesetup", "showdeferralinfo").exit()).isEqualTo(20);
  }

  @Test
  void unknownVerbsAndOptions() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(mac.sudo("fdesetup", "frobnicate").exit()).isEqualTo(13);
    assertThat(mac.sudo("fdesetup", "status", "-bogus").exit()).isEqualTo(12);
  }
}
