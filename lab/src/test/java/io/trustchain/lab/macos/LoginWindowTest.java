package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login / logout / reboot / advance-days: first-login tokens, Bootstrap Token grants and auto-escrow (rules 1, 6, 7). */
class LoginWindowTest {

  @TempDir
  Path dir;

  private static String noTokens(String os) {
    return os + "users:\n" + Scenarios.user("ladmin", "admin: true") + Scenarios.user("alice", "")
        + Scenarios.user("bob", "");
  }

  @Test
  void firstLogin_takesTheFirstToken_fromHighSierraOn_rule1() {
    for (String os : new String[] {Scenarios.os("10.13.6", "17G66", "x86_64"), Scenarios.catalina(), Scenarios.tahoe()}) {
      LabMac mac = LabMac.inline(dir.resolve(String.valueOf(os.hashCode())), noTokens(os));
      assertThat(mac.event("login", "alice")).isEqualTo("alice logged in; macOS granted alice the volume's first "
          + "Secure Token (first login)");
      assertThat(mac.tokenStatus("alice")).isEqualTo("ENABLED");
      assertThat(mac.account("alice").authenticationAuthority().get(1)).isEqualTo(";SecureToken;");
      assertThat(mac.event("login", "bob")).isEqualTo("bob logged in");
      assertThat(mac.tokenStatus("bob")).isEqualTo("DISABLED");
    }
  }

  @Test
  void firstLogin_withDisabledTags_takesNothing_rule7() {
    LabMac mac = LabMac.inline(dir, Scenarios.tahoe() + "users:\n" + Scenarios.user("svc", "disabled_tags: true"));
    assertThat(mac.event("login", "svc")).isEqualTo("svc logged in");
    assertThat(mac.token("svc")).isFalse();
  }

  @Test
  void bootstrapGrant_onAnyUserFrom11_rule6() {
    LabMac mac = LabMac.shipped(dir, "ventura-arm.yml");
    assertThat(mac.event("login", "bob")).isEqualTo("bob logged in; macOS granted bob a Secure Token (Bootstrap Token)");
    assertThat(mac.tokenStatus("bob")).isEqualTo("ENABLED");
    assertThat(mac.account("bob").volumeOwner()).isTrue();
  }

  @Test
  void bootstrapGrant_neverWithDisabledTags_rule6() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura()) + Scenarios.user("svc", "disabled_tags: true")
        + ProfilesTest.SUPERVISED + "bootstrap_token: {escrowed: true}\n");
    assertThat(mac.event("login", "svc")).isEqualTo("svc logged in");
    assertThat(mac.token("svc")).isFalse();
  }

  @Test
  void bootstrapGrant_onCatalina_onlyMobileAccountsAndTheManagedAdmin_rule6() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.os("10.15.7", "19H15", "x86_64"))
        + Scenarios.user("mobile", "mobile: true") + Scenarios.user("managed", "managed_admin: true, admin: true")
        + ProfilesTest.SUPERVISED + "bootstrap_token: {escrowed: true}\n");
    assertThat(mac.event("login", "alice")).isEqualTo("alice logged in");
    assertThat(mac.token("alice")).isFalse();
    assertThat(mac.event("login", "mobile")).endsWith("(Bootstrap Token)");
    assertThat(mac.event("login", "managed")).endsWith("(Bootstrap Token)");
  }

  @Test
  void noBootstrapGrantWithoutAnEscrowedToken() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(mac.event("login", "alice")).doesNotContain("granted");
    assertThat(mac.token("alice")).isFalse();
  }

  @Test
  void autoEscrow_atATokenHoldersLogin_from10_15_4_whenSupervisedAndSupported() {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(mac.event("login", "ladmin")).isEqualTo("ladmin logged in"); // no token: no escrow
    assertThat(mac.event("login", "tcadmin"))
        .isEqualTo("tcadmin logged in; macOS escrowed a Bootstrap Token to the MDM server");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out()).endsWith("escrowed to server: YES\n");
    // the escrowed token now grants alice hers at her login (11+)
    assertThat(mac.event("login", "alice")).endsWith("a Secure Token (Bootstrap Token)");
  }

  @Test
  void autoEscrow_notBefore10_15_4_norOnAnUnsupervisedMac() {
    LabMac early = LabMac.inline(dir.resolve("a"), Scenarios.cast(Scenarios.os("10.15.3", "19D76", "x86_64"))
        + ProfilesTest.SUPERVISED);
    assertThat(early.event("login", "tcadmin")).isEqualTo("tcadmin logged in");
    LabMac unsupervised = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.sequoia())
        + "mdm: {enrolled: true, user_approved: true, server_supports_bootstrap: true}\n");
    assertThat(unsupervised.event("login", "tcadmin")).isEqualTo("tcadmin logged in");
  }

  @Test
  void logoutRebootAndClock() {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    mac.event("login", "alice");
    assertThat(mac.event("logout", "alice")).isEqualTo("alice logged out");
    assertThat(mac.event("logout", "alice")).isEqualTo("alice was not logged in");
    mac.event("login", "alice");
    assertThat(mac.event("reboot", null)).isEqualTo("mac restarted (alice logged out)");
    assertThat(mac.event("advance-days", "3")).isEqualTo("the clock of mac moved 3 days to 2025-03-06");
    assertThat(mac.event("advance-days 1", null)).isEqualTo("the clock of mac moved 1 day to 2025-03-07");
    assertThat(mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err()).startsWith("2025-03-07 09:");
  }

  @Test
  void badEventsSayWhatIsWrong() {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    assertThatThrownBy(() -> mac.event("login", "carol")).hasMessageContaining("no user carol on mac");
    assertThatThrownBy(() -> mac.event("dance", null)).hasMessageContaining("events are login, login-decline, logout, logout-decline, reboot, advance-days");
    assertThatThrownBy(() -> mac.event("advance-days", "x")).hasMessageContaining("whole number");
  }

  @Test
  void enrolledSupervised_firstLoginTakesTheFirstTokenAndEscrows_thenTheBootstrapTokenGrantsOthers() {
    LabMac mac = LabMac.shipped(dir, "enrolled-supervised.yml");
    boolean noTokens = mac.state(s -> s.tokenHolders().isEmpty());
    assertThat(noTokens).isTrue();
    assertThat(mac.event("login", "tcadmin")).isEqualTo("tcadmin logged in; macOS granted tcadmin the volume's first "
        + "Secure Token (first login); macOS escrowed a Bootstrap Token to the MDM server");
    assertThat(mac.event("login", "alice")).isEqualTo("alice logged in; macOS granted alice a Secure Token "
        + "(Bootstrap Token)");
    assertThat(mac.sudo("diskutil", "apfs", "listCryptoUsers", "/").out()).startsWith(
        "Cryptographic users for disk3s1s1 (3 found)\n|\n+-- " + mac.account("tcadmin").generatedUid());
  }

  @Test
  void noBootstrapMdm_neitherEscrowsNorGrants() {
    LabMac mac = LabMac.shipped(dir, "no-bootstrap-mdm.yml");
    assertThat(mac.event("login", "tcadmin")).isEqualTo("tcadmin logged in");
    assertThat(mac.event("login", "alice")).isEqualTo("alice logged in");
    assertThat(mac.sudo("profiles", "status", "-type", "bootstraptoken").out())
        .isEqualTo("profiles: Bootstrap Token supported on server: NO\n");
  }
}
