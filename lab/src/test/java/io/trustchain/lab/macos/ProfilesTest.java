package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles status (S48–S50, S53–S55) and the Bootstrap Token verbs (S51, S52, S88–S90, rule 6). */
class ProfilesTest {

  @TempDir
  Path dir;

  static final String SUPERVISED = "mdm: {enrolled: true, dep: true, supervised: true, server_supports_bootstrap: true}\n";

  @Test
  void bootstrapStatus_escrowed_S48() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    LabMac.Result r = mac.sudo("profiles", "status", "-type", "bootstraptoken");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("profiles: Bootstrap Token supported on server: YES\n"
        + "profiles: Bootstrap Token escrowed to server: YES\n");
  }

  @Test
  void bootstrapStatus_supportedNotEscrowed_S49() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out())
        .isEqualTo("profiles: Bootstrap Token supported on server: YES\n"
            + "profiles: Bootstrap Token escrowed to server: NO\n");
  }

  @Test
  void bootstrapStatus_unsupportedServer_oneLine_S50() {
    LabMac mac = LabMac.shipped(dir, "bigsur-intel.yml");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out())
        .isEqualTo("profiles: Bootstrap Token supported on server: NO\n");
  }

  @Test
  void enrollmentStatus_S53_S54_S55() {
    assertThat(LabMac.shipped(dir.resolve("a"), "catalina-intel.yml").sudo("profiles", "status", "-type", "enrollment")
        .out()).isEqualTo("Enrolled via DEP: No\nMDM enrollment: No\n");
    assertThat(LabMac.shipped(dir.resolve("b"), "bigsur-intel.yml").sudo("profiles", "status", "-type", "enrollment")
        .out()).isEqualTo("Enrolled via DEP: No\nMDM enrollment: Yes (User Approved)\n"
            + "MDM server: https://mdm.example.com/mdm/apple/mdm\n");
    LabMac dep = LabMac.inline(dir.resolve("c"), Scenarios.cast(Scenarios.sequoia())
        + "mdm: {enrolled: true, dep: true, user_approved: false, server_url: \"https://test.example.com\"}\n");
    assertThat(dep.sudo("profiles", "status", "-type", "enrollment").out())
        .isEqualTo("Enrolled via DEP: Yes\nMDM enrollment: Yes\nMDM server: https://test.example.com\n");
  }

  @Test
  void install_withTokenAdmin_escrows_S51() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + SUPERVISED);
    LabMac.Result r = mac.sudo("profiles", "install", "-type", "bootstraptoken", "-user", "tcadmin", "-password",
        "pw-tcadmin");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("profiles: Bootstrap Token escrowed successfully\n");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out()).endsWith("escrowed to server: YES\n");
  }

  @Test
  void install_prompts_whenCredentialsAreNotGiven_S51() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + SUPERVISED);
    LabMac.Result r = mac.run("root", "tcadmin\npw-tcadmin\n", "profiles", "install", "-type", "bootstraptoken");
    assertThat(r.err()).isEqualTo("Enter the admin user name:Enter the password for user 'tcadmin':");
    assertThat(r.out()).isEqualTo("profiles: Bootstrap Token escrowed successfully\n");
  }

  @Test
  void install_withAdminWithoutTokenOrWrongPassword_isRefused_S88() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + SUPERVISED);
    for (String[] creds : new String[][] {{"ladmin", "pw-ladmin"}, {"tcadmin", "wrong"}}) {
      LabMac.Result r = mac.sudo("profiles", "install", "-type", "bootstraptoken", "-user", creds[0], "-password",
          creds[1]);
      assertThat(r.exit()).isNotZero();
      assertThat(r.out()).isEqualTo("Unable to authenticate user information.\n");
    }
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out()).endsWith("escrowed to server: NO\n");
  }

  @Test
  void install_onServerWithoutSupport_S89_orNotSupervised() {
    LabMac noSupport = LabMac.shipped(dir.resolve("a"), "bigsur-intel.yml");
    assertThat(noSupport.sudo("profiles", "install", "-type", "bootstraptoken", "-user", "tcadmin", "-password",
        LabMac.password("tcadmin")).out()).isEqualTo("Bootstrap Token functionality is not supported on the server.\n");
    LabMac unsupervised = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.sequoia())
        + "mdm: {enrolled: true, user_approved: true, server_supports_bootstrap: true}\n");
    LabMac.Result r = unsupervised.sudo("profiles", "install", "-type", "bootstraptoken", "-user", "tcadmin",
        "-password", "pw-tcadmin");
    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).contains("supervised");
  }

  @Test
  void validateAndRemove_S52_S90() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    String pw = LabMac.password("tcadmin");
    LabMac.Result ok = mac.sudo("profiles", "validate", "-type", "bootstraptoken", "-user", "tcadmin", "-password", pw);
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualTo("Bootstrap Token validated.\n");
    assertThat(mac.sudo("profiles", "validate", "-type", "bootstraptoken", "-user", "tcadmin", "-password", "x").out())
        .isEqualTo("Unable to authenticate user information.\n");
    assertThat(mac.sudo("profiles", "remove", "-type", "bootstraptoken").exit()).isZero();
    assertThat(mac.sudo("profiles", "validate", "-type", "bootstraptoken", "-user", "tcadmin", "-password", pw).out())
        .isEqualTo("Unable to verify token (err = -69594).\n");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out()).endsWith("escrowed to server: NO\n");
  }

  @Test
  void bootstrapVerbsNeedRoot() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    assertThat(mac.as("alice", "profiles", "remove", "-type", "bootstraptoken").exit()).isNotZero();
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out()).endsWith("YES\n");
  }
}
