package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dscl: record layout (S64, S70–S75), -authonly (S76), writes, -passwd and the first-token rules (1, 4, 7). */
class DsclTest {

  @TempDir
  Path dir;

  static final String SHADOW = ";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2>";

  @Test
  void readWholeUser_nativeFirstThenStandard_sortedIgnoringCase_S64() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.as("alice", "dscl", ".", "-read", "/Users/tcadmin");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    String out = r.out();
    assertThat(out).startsWith("dsAttrTypeNative:_writers_hint: tcadmin\n"
        + "dsAttrTypeNative:_writers_passwd: tcadmin\n"
        + "dsAttrTypeNative:_writers_picture: tcadmin\n"
        + "dsAttrTypeNative:_writers_UserCertificate: tcadmin\n"
        + "dsAttrTypeNative:accountPolicyData:\n <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    assertThat(out).contains("</plist>\n\ndsAttrTypeNative:record_daemon_version: 9040000\n"
        + "AppleMetaNodeLocation: /Local/Default\n"
        + "AuthenticationAuthority: " + SHADOW + " ;SecureToken; ;Kerberosv5;;tcadmin@LKDC:SHA1.");
    assertThat(out).containsPattern("\nGeneratedUID: [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\n"
        + "NFSHomeDirectory: /Users/tcadmin\nPassword: \\*{8}\nPrimaryGroupID: 20\nRealName:\n TrustChain Admin\n"
        + "RecordName: tcadmin\nRecordType: dsRecTypeStandard:Users\nUniqueID: 501\nUserShell: /bin/zsh\n$");
  }

  @Test
  void readAttributes_returnedAlphabetically_S70_missingKey_S71() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    LabMac.Result r = mac.as("alice", "dscl", ".", "-read", "/Users/alice", "UserShell", "NFSHomeDirectory",
        "RealName", "UniqueID", "PrimaryGroupID");
    assertThat(r.out()).isEqualTo("NFSHomeDirectory: /Users/alice\nPrimaryGroupID: 20\nRealName:\n Alice Appleseed\n"
        + "UniqueID: 503\nUserShell: /bin/zsh\n");
    LabMac.Result noKey = mac.sudo("dscl", ".", "-read", "/Users/alice", "JPEGPhoto");
    assertThat(noKey.exit()).isZero();
    assertThat(noKey.out()).isEqualTo("No such key: JPEGPhoto\n");
  }

  @Test
  void readMissingRecord_exit56_S72() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    LabMac.Result r = mac.as("alice", "dscl", ".", "-read", "/Users/nobody2");
    assertThat(r.exit()).isEqualTo(56);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)\n");
  }

  @Test
  void listUsersWithUniqueId_25ColumnsAlphabetical_S73() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    String out = mac.as("alice", "dscl", ".", "-list", "/Users", "UniqueID").out();
    assertThat(out).startsWith("_accessoryupdater        278\n_amavisd                 83\n");
    assertThat(out).contains("\nalice                    503\n", "\nnobody                   -2\n",
        "\nroot                     0\n", "\ntcadmin                  501\n");
    assertThat(mac.as("alice", "dscl", ".", "list", "/Users").out()).contains("\nalice\n");
  }

  @Test
  void adminGroup_membershipAndFullRecord_S74_S75() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina()));
    assertThat(mac.as("alice", "dscl", ".", "-read", "/Groups/admin", "GroupMembership").out())
        .isEqualTo("GroupMembership: root tcadmin ladmin\n");
    String full = mac.as("alice", "dscl", ".", "read", "/groups/admin").out();
    assertThat(full).startsWith("dsAttrTypeNative:record_daemon_version: 5500000\nAppleMetaNodeLocation: /Local/Default\n"
        + "GeneratedUID: ABCDEFAB-CDEF-ABCD-EFAB-CDEF00000050\nGroupMembers: FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000000 ");
    assertThat(full).endsWith("GroupMembership: root tcadmin ladmin\nPassword: *\nPrimaryGroupID: 80\n"
        + "RealName: Administrators\nRecordName: admin BUILTIN\\Administrators\nRecordType: dsRecTypeStandard:Groups\n"
        + "SMBSID: S-1-5-32-544\n");
  }

  @Test
  void authonly_success_wrong_disabled_noPassword_S76() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia())
        + Scenarios.user("locked", "disabled: true") + "  - {name: nopass}\n");
    LabMac.Result ok = mac.as("alice", "dscl", ".", "-authonly", "alice", "pw-alice");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out() + ok.err()).isEmpty();
    LabMac.Result wrong = mac.as("alice", "dscl", ".", "-authonly", "alice", "nope");
    assertThat(wrong.exit()).isEqualTo(10);
    assertThat(wrong.out()).isEqualTo("Authentication for node /Local/Default failed. (-14090, eDSAuthFailed)\n");
    assertThat(wrong.err()).isEqualTo("<dscl_cmd> DS Error: -14090 (eDSAuthFailed)\n");
    LabMac.Result disabled = mac.as("alice", "dscl", ".", "-authonly", "locked", "pw-locked");
    assertThat(disabled.exit()).isEqualTo(87);
    assertThat(disabled.out()).contains("(-14167, eDSAuthAccountDisabled)");
    assertThat(mac.as("alice", "dscl", ".", "-authonly", "nopass", "x").exit()).isEqualTo(11);
  }

  @Test
  void writesNeedRoot_exit40() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.as("alice", "dscl", ".", "-create", "/Users/alice", "RealName", "Evil");
    assertThat(r.exit()).isEqualTo(40);
    assertThat(r.err()).isEqualTo("<dscl_cmd> DS Error: -14120 (eDSPermissionError)\n");
  }

  @Test
  void createUserByHand_thenAttributes_andHiddenFlag() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina()));
    assertThat(mac.sudo("dscl", ".", "-create", "/Users/svc").exit()).isZero();
    mac.sudo("dscl", ".", "-create", "/Users/svc", "UniqueID", "420");
    mac.sudo("dscl", ".", "-create", "/Users/svc", "RealName", "Backup Service");
    mac.sudo("dscl", ".", "-create", "/Users/svc", "UserShell", "/usr/bin/false");
    mac.sudo("dscl", ".", "-create", "/Users/svc", "IsHidden", "1");
    String out = mac.sudo("dscl", ".", "-read", "/Users/svc").out();
    assertThat(out).contains("dsAttrTypeNative:IsHidden: 1\n", "RealName:\n Backup Service\n", "UniqueID: 420\n",
        "UserShell: /usr/bin/false\n").doesNotContain("AuthenticationAuthority");
    assertThat(mac.sudo("dscl", ".", "-read", "/Users/svc", "IsHidden").out()).isEqualTo("dsAttrTypeNative:IsHidden: 1\n");
  }

  @Test
  void appendAndDeleteAuthenticationAuthority_S69() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.bigSur()));
    mac.sudo("dscl", ".", "-append", "/Users/alice", "AuthenticationAuthority", ";DisabledTags;SecureToken");
    assertThat(mac.sudo("dscl", ".", "-read", "/Users/alice", "AuthenticationAuthority").out())
        .endsWith(" ;DisabledTags;SecureToken\n");
    assertThat(mac.account("alice").secureTokenDisabledTag()).isTrue();
    assertThat(mac.sudo("dscl", ".", "-delete", "/Users/alice", "AuthenticationAuthority", ";DisabledTags;SecureToken")
        .exit()).isZero();
    assertThat(mac.account("alice").secureTokenDisabledTag()).isFalse();
  }

  @Test
  void passwdFirstPassword_on11WithoutTokenHolder_grantsTheFirstToken_rule1_rule7() {
    LabMac mac = LabMac.inline(dir, Scenarios.bigSur() + "users:\n" + Scenarios.user("ladmin", "admin: true"));
    mac.sudo("dscl", ".", "-create", "/Users/ec2-user");
    mac.sudo("dscl", ".", "-passwd", "/Users/ec2-user", "pw");
    assertThat(mac.tokenStatus("ec2-user")).isEqualTo("ENABLED");
    assertThat(mac.sudo("dscl", ".", "-read", "/Users/ec2-user", "AuthenticationAuthority").out())
        .isEqualTo("AuthenticationAuthority: " + SHADOW + " ;SecureToken;\n");
  }

  @Test
  void passwdFirstPassword_withDisabledTags_grantsNothing_rule7() {
    LabMac mac = LabMac.inline(dir, Scenarios.bigSur() + "users:\n" + Scenarios.user("ladmin", "admin: true"));
    mac.sudo("dscl", ".", "-create", "/Users/ec2-user");
    mac.sudo("dscl", ".", "-append", "/Users/ec2-user", "AuthenticationAuthority", ";DisabledTags;SecureToken");
    mac.sudo("dscl", ".", "-passwd", "/Users/ec2-user", "pw");
    assertThat(mac.tokenStatus("ec2-user")).isEqualTo("DISABLED");
    assertThat(mac.sudo("dscl", ".", "-read", "/Users/ec2-user", "AuthenticationAuthority").out())
        .isEqualTo("AuthenticationAuthority: " + SHADOW + " ;DisabledTags;SecureToken\n");
  }

  @Test
  void passwdFirstPassword_onCatalinaOrWithAHolder_grantsNothing() {
    LabMac catalina = LabMac.inline(dir.resolve("a"), Scenarios.catalina() + "users:\n"
        + Scenarios.user("ladmin", "admin: true"));
    catalina.sudo("dscl", ".", "-create", "/Users/u1");
    catalina.sudo("dscl", ".", "-passwd", "/Users/u1", "pw");
    assertThat(catalina.tokenStatus("u1")).isEqualTo("DISABLED");
    LabMac sequoia = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.sequoia()));
    sequoia.sudo("dscl", ".", "-create", "/Users/u1");
    sequoia.sudo("dscl", ".", "-passwd", "/Users/u1", "pw");
    assertThat(sequoia.tokenStatus("u1")).isEqualTo("DISABLED");
  }

  @Test
  void passwdByRootOnTokenHolder_desynchronisesTheToken_rule4() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.sudo("dscl", ".", "-passwd", "/Users/tcadmin", "reset").exit()).isZero();
    assertThat(mac.sudo("dscl", ".", "-authonly", "tcadmin", "reset").exit()).isZero();
    assertThat(mac.account("tcadmin").tokenDesynchronised()).isTrue();
    // neither password unlocks both the account and the token any more: tcadmin cannot grant tokens
    for (String pw : new String[] {"reset", "pw-tcadmin"}) {
      assertThat(mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", pw, "-secureTokenOn", "alice",
          "-password", "pw-alice").log()).contains("Code=5101");
    }
  }

  @Test
  void passwdWithOldPassword_byTheUser_keepsTokenInSync() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.as("tcadmin", "dscl", ".", "-passwd", "/Users/tcadmin", "wrong", "new").exit()).isEqualTo(10);
    assertThat(mac.as("tcadmin", "dscl", ".", "-passwd", "/Users/tcadmin", "pw-tcadmin", "new").exit()).isZero();
    assertThat(mac.account("tcadmin").tokenDesynchronised()).isFalse();
    assertThat(mac.as("alice", "dscl", ".", "-passwd", "/Users/alice", "other").exit()).isEqualTo(40);
  }

  @Test
  void deleteRecord_andWithoutFullDiskAccessOn15_S77() {
    LabMac mac = LabMac.inline(dir.resolve("a"), Scenarios.cast(Scenarios.ventura()));
    assertThat(mac.sudo("dscl", ".", "-delete", "/Users/alice").exit()).isZero();
    assertThat(mac.exists("alice")).isFalse();
    LabMac noFda = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.sequoia())
        + "faults: {no_full_disk_access: true}\n");
    LabMac.Result r = noFda.sudo("dscl", ".", "-delete", "/Users/alice");
    assertThat(r.exit()).isEqualTo(40);
    assertThat(r.err()).isEqualTo("<main> delete status: eDSPermissionError\n<dscl_cmd> DS Error: -14120 (eDSPermissionError)\n");
    assertThat(noFda.exists("alice")).isTrue();
  }

  @Test
  void groupMembershipEdits() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    mac.sudo("dscl", ".", "-append", "/Groups/admin", "GroupMembership", "alice");
    assertThat(mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "alice", "admin").exit()).isZero();
    mac.sudo("dscl", ".", "-delete", "/Groups/admin", "GroupMembership", "alice");
    assertThat(mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "alice", "admin").exit()).isEqualTo(67);
  }

  @Test
  void nodeFormsAndUnknownPaths() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()));
    assertThat(mac.as("alice", "dscl", "/Local/Default", "-read", "/Users/alice", "UniqueID").out())
        .isEqualTo("UniqueID: 503\n");
    assertThat(mac.as("alice", "dscl", "localhost", "-read", "/Local/Default/Users/alice", "UniqueID").out())
        .isEqualTo("UniqueID: 503\n");
    assertThat(mac.as("alice", "dscl", ".", "-read", "/Computers/x").exit()).isEqualTo(185);
  }
}
