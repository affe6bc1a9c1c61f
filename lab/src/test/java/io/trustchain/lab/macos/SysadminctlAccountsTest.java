package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sysadminctl -addUser (S12–S15), -deleteUser (S17–S20), -resetPasswordFor (S11), usage (S21, S22). */
class SysadminctlAccountsTest {

  @TempDir
  Path dir;

  static final String BANNER = """
      ----------------------------
      No clear text password or interactive option was specified (adduser, change/reset password will not allow user to use FDE) !
      ----------------------------
      """;

  @Test
  void addUser_withoutAdminCredentials_printsBannerAndGrantsNoToken_S12() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-addUser", "trainee", "-password", "TempPass123");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.log()).isEqualTo(BANNER + "Creating user record\u2026\nAssigning UID: 504 GID: 20\n"
        + "Creating home directory at /Users/trainee\n");
    assertThat(mac.tokenStatus("trainee")).isEqualTo("DISABLED");
    assertThat(mac.sudo("dscl", ".", "-authonly", "trainee", "TempPass123").exit()).isZero();
    assertThat(mac.account("trainee").authenticationAuthority())
        .containsExactly(";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2>"); // S68
  }

  @Test
  void addUser_withHome_assignsButDoesNotCreateIt_S13() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-addUser", "trainee", "-fullName", "Trainee", "-password",
        "TemporaryPass123", "-home", "/Users/trainee");
    assertThat(r.log()).endsWith("Assigning UID: 504 GID: 20\nHome directory is assigned (not created!) at /Users/trainee\n");
    assertThat(mac.isDirectory("/Users/trainee")).isFalse();
    assertThat(mac.tokenStatus("trainee")).isEqualTo("DISABLED");
  }

  @Test
  void addUser_before13_assignsUidWithoutGid_andPromptsForDash_S14() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.os("10.14.6", "18G95", "x86_64")));
    LabMac.Result r = mac.run("root", "secret\n", "sysadminctl", "-addUser", "bob", "-password", "-");
    assertThat(r.log()).isEqualTo(BANNER + "Creating user record\u2026\nUser password:\nAssigning UID: 504\n"
        + "Creating home directory at /Users/bob\n");
    assertThat(mac.sudo("dscl", ".", "-authonly", "bob", "secret").exit()).isZero();
    assertThat(mac.account("bob").shell()).isEqualTo("/bin/bash");
  }

  @Test
  void addUser_existingRecord_logsRecordAlreadyExists_S15() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina()));
    LabMac.Result r = mac.sudo("sysadminctl", "-addUser", "alice", "-password", "x");
    assertThat(r.log()).contains("### Error:-14135 File:/BuildRoot/Library/Caches/com.apple.xbs/Sources/Admin/Admin-679/DSRecord.m Line:496");
    assertThat(mac.sudo("dscl", ".", "-authonly", "alice", "pw-alice").exit()).isZero();
  }

  @Test
  void addUser_withTokenAdmin_grantsTokenAndAdmin_withoutBanner() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-addUser", "bob", "-fullName", "Bob Builder", "-UID", "510", "-password", "pw-bob", "-admin", "-hint", "h");
    assertThat(r.log()).isEqualTo("Creating user record\u2026\nAssigning UID: 510 GID: 20\n"
        + "Creating home directory at /Users/bob\n");
    assertThat(mac.tokenStatus("bob")).isEqualTo("ENABLED");
    assertThat(mac.sudo("dseditgroup", "-o", "checkmember", "-m", "bob", "admin").exit()).isZero();
    assertThat(mac.account("bob").realName()).isEqualTo("Bob Builder");
  }

  @Test
  void addUser_withWrongAdminPassword_logsAuthErrorThenBanner_noToken() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "nope",
        "-addUser", "bob", "-password", "pw-bob");
    assertThat(r.log()).startsWith("### Error:-14090 File:/AppleInternal/Library/BuildRoots/")
        .contains("DSAuthenticator.m Line:94\n" + BANNER);
    assertThat(mac.tokenStatus("bob")).isEqualTo("DISABLED");
  }

  @Test
  void addUser_firstPasswordOnAVolumeWithoutTokenGrantsTheFirstToken_on11_rule1_rule7() {
    LabMac mac = LabMac.inline(dir, Scenarios.bigSur() + "users:\n" + Scenarios.user("ladmin", "admin: true"));
    mac.sudo("sysadminctl", "-addUser", "first", "-password", "pw");
    assertThat(mac.tokenStatus("first")).isEqualTo("ENABLED");
    mac.sudo("sysadminctl", "-addUser", "second", "-password", "pw");
    assertThat(mac.tokenStatus("second")).isEqualTo("DISABLED");
  }

  @Test
  void addUser_firstPasswordGrantsNothingOnCatalina() {
    LabMac mac = LabMac.inline(dir, Scenarios.catalina() + "users:\n" + Scenarios.user("ladmin", "admin: true"));
    mac.sudo("sysadminctl", "-addUser", "first", "-password", "pw");
    assertThat(mac.tokenStatus("first")).isEqualTo("DISABLED");
  }

  @Test
  void addUser_adminWithoutTokenWhenNobodyHasOne_on10_14_grantsBoth() {
    LabMac mac = LabMac.inline(dir, Scenarios.os("10.14.6", "18G95", "x86_64") + "users:\n"
        + Scenarios.user("ladmin", "admin: true"));
    mac.sudo("sysadminctl", "-adminUser", "ladmin", "-adminPassword", "pw-ladmin", "-addUser", "alice",
        "-password", "pw-alice");
    assertThat(mac.tokenStatus("alice")).isEqualTo("ENABLED");
    assertThat(mac.tokenStatus("ladmin")).isEqualTo("ENABLED");
  }

  @Test
  void deleteUser_secure_S17() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.tahoe()));
    LabMac.Result r = mac.sudo("sysadminctl", "-deleteUser", "alice", "-secure");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).isEqualTo("""
        Killing all processes for UID 503
        Securely removing alice's home at /Users/alice
        Deleting Public share point for alice
        Deleting record for alice
        AOSKit INFO: Disabling BTMM for user, no zone found for uid=503, usersToZones: (null)
        """);
    assertThat(mac.exists("alice")).isFalse();
    assertThat(mac.isDirectory("/Users/alice")).isFalse();
  }

  @Test
  void deleteUser_plainRemovesHome_keepHomeKeepsIt_S19() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.tahoe()) + Scenarios.user("bob", ""));
    assertThat(mac.sudo("sysadminctl", "-deleteUser", "alice").log()).contains("Removing alice's home at /Users/alice\n");
    LabMac.Result kept = mac.sudo("sysadminctl", "-deleteUser", "bob", "-keepHome");
    assertThat(kept.log()).doesNotContain("home at");
    assertThat(mac.isDirectory("/Users/bob")).isTrue();
    assertThat(mac.exists("bob")).isFalse();
  }

  @Test
  void deleteUser_withoutFullDiskAccessOn15_keepsTheRecord_S18() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + "faults: {no_full_disk_access: true}\n");
    LabMac.Result r = mac.sudo("sysadminctl", "-deleteUser", "alice", "-secure");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).contains("Deleting record for alice\n")
        .endsWith("/Library/Caches/com.apple.xbs/Sources/Admin/DSRecord.m Line:563\n");
    assertThat(mac.exists("alice")).isTrue();
    assertThat(mac.isDirectory("/Users/alice")).isFalse();
  }

  @Test
  void deleteUser_lastAdminOrLastTokenHolderIsRefused_S20_rule3() {
    LabMac mac = LabMac.inline(dir, Scenarios.sequoia() + "users:\n"
        + Scenarios.user("tcadmin", "admin: true, secure_token: true, setup_assistant: true")
        + Scenarios.user("ladmin", "admin: true"));
    String owner = "User owner can not be deleted (it's either last admin user or last secure token user neither "
        + "of which can be deleted)\n";
    assertThat(mac.sudo("sysadminctl", "-deleteUser", "tcadmin").log()).isEqualTo(owner); // last token holder
    assertThat(mac.sudo("sysadminctl", "-deleteUser", "ladmin").exit()).isZero();
    assertThat(mac.exists("ladmin")).isFalse();
    LabMac.Result lastAdmin = mac.sudo("sysadminctl", "-deleteUser", "tcadmin");
    assertThat(lastAdmin.exit()).isZero();
    assertThat(lastAdmin.log()).isEqualTo(owner);
    assertThat(mac.exists("tcadmin")).isTrue();
  }

  @Test
  void deleteUser_unknown() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.sudo("sysadminctl", "-deleteUser", "nobody2").log()).containsIgnoringCase("not found");
  }

  @Test
  void resetPassword_ofTokenHolderWithoutTokenCredentials_isRefused_S11_rule4() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    LabMac.Result r = mac.sudo("sysadminctl", "-resetPasswordFor", "tcadmin", "-newPassword", "new");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).isEqualTo(BANNER + "Operation is not permitted without secure token unlock.\n");
    assertThat(mac.sudo("dscl", ".", "-authonly", "tcadmin", "pw-tcadmin").exit()).isZero();
  }

  @Test
  void resetPassword_ofTokenHolderWithTokenCredentials_keepsTokenInSync_rule4() {
    LabMac mac = LabMac.inline(dir, Scenarios.ventura() + "users:\n"
        + Scenarios.user("tcadmin", "admin: true, secure_token: true, setup_assistant: true")
        + Scenarios.user("alice", "secure_token: true")
        + Scenarios.user("carol", ""));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-resetPasswordFor", "alice", "-newPassword", "new-alice");
    assertThat(r.log()).isEmpty();
    assertThat(mac.sudo("dscl", ".", "-authonly", "alice", "new-alice").exit()).isZero();
    assertThat(mac.account("alice").tokenDesynchronised()).isFalse();
    // alice's token now unlocks with the new password: she can grant one (after being made admin)
    mac.sudo("dseditgroup", "-o", "edit", "-a", "alice", "-t", "user", "admin");
    assertThat(mac.sudo("sysadminctl", "-adminUser", "alice", "-adminPassword", "new-alice", "-secureTokenOn",
        "carol", "-password", "pw-carol").log()).isEqualTo("- Done!\n");
  }

  @Test
  void resetPassword_ofUserWithoutToken_byRoot_works() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    LabMac.Result r = mac.sudo("sysadminctl", "-resetPasswordFor", "alice", "-newPassword", "new-alice");
    assertThat(r.log()).isEqualTo(BANNER);
    assertThat(mac.sudo("dscl", ".", "-authonly", "alice", "new-alice").exit()).isZero();
  }

  @Test
  void usage_withoutArguments_byVersion_S21_S22() {
    LabMac catalina = LabMac.inline(dir.resolve("a"), Scenarios.cast(Scenarios.catalina()));
    LabMac ventura = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.ventura()));
    LabMac.Result old = catalina.as("alice", "sysadminctl");
    assertThat(old.exit()).isZero();
    assertThat(old.err()).matches("(?s)\\d{4}-\\d\\d-\\d\\d [0-9:.]+ sysadminctl\\[\\d+:\\d+\\] Usage: sysadminctl\n"
        + "        -adminUser <admin user name> -adminPassword <admin user password>\n.*")
        .endsWith("        -filesystem status\nPass '-' instead of password in commands above to request prompt.\n")
        .doesNotContain("-GID");
    assertThat(ventura.as("alice", "sysadminctl").log()).contains("[-GID <group ID>]", "-autologin set", "-screenLock")
        .endsWith("*Role accounts require name starting with _ and UID in 200-400 range.\n");
  }

  @Test
  void usage_onUnknownOptionOrMissingValue_andGidBefore13() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.bigSur()));
    assertThat(mac.sudo("sysadminctl", "-frobnicate").log()).startsWith("Usage: sysadminctl\n");
    assertThat(mac.sudo("sysadminctl", "-secureTokenStatus").log()).startsWith("Usage: sysadminctl\n");
    assertThat(mac.sudo("sysadminctl", "-addUser", "x", "-GID", "20").log()).startsWith("Usage: sysadminctl\n");
    assertThat(mac.exists("x")).isFalse();
  }

  @Test
  void optionsWithoutAVerbPrintNothing_S15() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.bigSur()));
    LabMac.Result r = mac.sudo("sysadminctl", "-keepHome", "-UID", "80", "-admin", "-fullName", "Maxie", "maxieds");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
