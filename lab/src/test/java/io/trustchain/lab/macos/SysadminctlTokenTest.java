package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sysadminctl's Secure Token verbs: S1–S3, S5–S8, S10; rules 1–3. */
class SysadminctlTokenTest {

  @TempDir
  Path dir;

  static final String PREFIX = "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} sysadminctl\\[\\d+:\\d+\\] ";

  @Test
  void status_printsRealNameOnStderrWithNsLogPrefix_S1_S3() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.tahoe()));
    LabMac.Result on = mac.as("alice", "sysadminctl", "-secureTokenStatus", "tcadmin");
    assertThat(on.exit()).isZero();
    assertThat(on.out()).isEmpty();
    assertThat(on.err()).matches(PREFIX + "Secure token is ENABLED for user TrustChain Admin\n");
    assertThat(mac.as("alice", "sysadminctl", "-secureTokenStatus", "alice").log())
        .isEqualTo("Secure token is DISABLED for user Alice Appleseed\n");
    assertThat(mac.as("alice", "sysadminctl", "-secureTokenStatus", "nosuchuser").log())
        .isEqualTo("Unknown user nosuchuser\n");
    assertThat(mac.sudo("sysadminctl", "-secureTokenStatus", "root").log())
        .isEqualTo("Secure token is DISABLED for user System Administrator\n");
  }

  @Test
  void status_field7IsTheStateForJamfStyleParsers_S1() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina()));
    String[] fields = mac.sudo("sysadminctl", "-secureTokenStatus", "tcadmin").err().strip().split(" ");
    assertThat(fields[6]).isEqualTo("ENABLED");
  }

  @Test
  void nsLogTimestampsFollowTheSimulatedClockAndPidsChange() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.tahoe()));
    String first = mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err();
    String second = mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err();
    assertThat(first).startsWith("2026-06-24 21:49:");
    assertThat(first.substring(0, 23)).isLessThan(second.substring(0, 23));
    assertThat(first.replaceAll(".*sysadminctl\\[(\\d+):.*\\s*", "$1"))
        .isNotEqualTo(second.replaceAll(".*sysadminctl\\[(\\d+):.*\\s*", "$1"));
  }

  @Test
  void tokenOn_byAdminHoldingToken_printsDone_S6_rule1() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenOn", "alice", "-password", "pw-alice");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).matches(PREFIX + "- Done!\n");
    assertThat(mac.tokenStatus("alice")).isEqualTo("ENABLED");
    assertThat(mac.account("alice").authenticationAuthority().getLast())
        .isEqualTo(";SecureToken;"); // granted later: after Kerberos (S66)
  }

  @Test
  void tokenOn_byAdminWithoutToken_isRefusedWith5101AndExit0_S8_rule1_rule2() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "ladmin", "-adminPassword", "pw-ladmin",
        "-secureTokenOn", "alice", "-password", "pw-alice");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).startsWith("setSecureTokenAuthorizationEnabled error Error Domain=com.apple.OpenDirectory "
        + "Code=5101 \"Authentication server refused operation because the current credentials are not authorized");
    assertThat(mac.tokenStatus("alice")).isEqualTo("DISABLED");
  }

  @Test
  void tokenOn_byNonAdminTokenHolder_isRefused_rule1() {
    LabMac mac = LabMac.inline(dir, Scenarios.sequoia() + "users:\n"
        + Scenarios.user("tcadmin", "admin: true, secure_token: true, setup_assistant: true")
        + Scenarios.user("alice", "secure_token: true")
        + Scenarios.user("bob", ""));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "alice", "-adminPassword", "pw-alice",
        "-secureTokenOn", "bob", "-password", "pw-bob");
    assertThat(r.log()).contains("Code=5101");
    assertThat(mac.token("bob")).isFalse();
  }

  @Test
  void tokenOn_withWrongAdminOrTargetPassword_isRefused() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "wrong",
        "-secureTokenOn", "alice", "-password", "pw-alice").log()).contains("Code=5101");
    assertThat(mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenOn", "alice", "-password", "wrong").log()).contains("Code=5101");
    assertThat(mac.token("alice")).isFalse();
  }

  @Test
  void tokenOn_withoutAdminCredentials_isRefused() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.sudo("sysadminctl", "-secureTokenOn", "alice", "-password", "pw-alice").log())
        .contains("Code=5101");
    assertThat(mac.token("alice")).isFalse();
  }

  @Test
  void tokenOn_unknownTarget() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenOn", "carol", "-password", "x").log()).isEqualTo("Unknown user carol\n");
  }

  @Test
  void tokenOn_passwordDashReadsFromTheTerminal_S14() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.run("root", "pw-alice\n", "sysadminctl", "-adminUser", "tcadmin", "-adminPassword",
        "pw-tcadmin", "-secureTokenOn", "alice", "-password", "-");
    assertThat(r.log()).isEqualTo("User password:\n- Done!\n");
    assertThat(mac.token("alice")).isTrue();
  }

  @Test
  void tokenOn_firstTokenPathOn10_14_grantsAdminAndTarget_rule1() {
    String yaml = Scenarios.os("10.14.6", "18G95", "x86_64") + "users:\n"
        + Scenarios.user("ladmin", "admin: true") + Scenarios.user("alice", "");
    LabMac mac = LabMac.inline(dir, yaml);
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "ladmin", "-adminPassword", "pw-ladmin",
        "-secureTokenOn", "alice", "-password", "pw-alice");
    assertThat(r.log()).isEqualTo("- Done!\n");
    assertThat(mac.token("alice")).isTrue();
    assertThat(mac.token("ladmin")).isTrue();
  }

  @Test
  void tokenOn_firstTokenPathDoesNotExistOn10_13() {
    String yaml = Scenarios.os("10.13.6", "17G66", "x86_64") + "users:\n"
        + Scenarios.user("ladmin", "admin: true") + Scenarios.user("alice", "");
    LabMac mac = LabMac.inline(dir, yaml);
    assertThat(mac.sudo("sysadminctl", "-adminUser", "ladmin", "-adminPassword", "pw-ladmin",
        "-secureTokenOn", "alice", "-password", "pw-alice").log()).contains("Code=5101");
    assertThat(mac.token("alice")).isFalse();
  }

  @Test
  void tokenOff_removesTheTokenWithDone_S10() {
    LabMac mac = LabMac.inline(dir, Scenarios.sequoia() + "users:\n"
        + Scenarios.user("tcadmin", "admin: true, secure_token: true, setup_assistant: true")
        + Scenarios.user("alice", "secure_token: true"));
    assertThat(mac.account("alice").volumeOwner()).isTrue();
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenOff", "alice", "-password", "pw-alice");
    assertThat(r.log()).isEqualTo("- Done!\n");
    assertThat(mac.tokenStatus("alice")).isEqualTo("DISABLED");
    assertThat(mac.account("alice").volumeOwner()).isFalse();
  }

  @Test
  void tokenOff_ofTheLastHolderIsRefused_rule3() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenOff", "tcadmin", "-password", "pw-tcadmin");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).contains("Code=5101");
    assertThat(mac.token("tcadmin")).isTrue();
  }

  @Test
  void mutatingVerbsWithoutRootOrCredentials_failWithExit0() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = mac.as("alice", "sysadminctl", "-addUser", "carol", "-password", "x");
    assertThat(r.exit()).isZero();
    assertThat(r.log()).startsWith("sysadminctl should be run as root, or in interactive mode!");
    assertThat(mac.exists("carol")).isFalse();
  }

  @Test
  void frameworkFailureOn10_13_3WithoutTokenCredentials_exits255_S5() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.os("10.13.3", "17D47", "x86_64")));
    LabMac.Result r = mac.sudo("sysadminctl", "-addUser", "randall", "", "-password", "x", "-admin");
    assertThat(r.exit()).isEqualTo(255);
    assertThat(r.log()).isEqualTo("Failed to authenticate with SystemAdministration framework.\n");
    assertThat(mac.exists("randall")).isFalse();
    LabMac.Result ok = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin",
        "-secureTokenStatus", "alice");
    assertThat(ok.exit()).isZero();
    assertThat(ok.log()).isEqualTo("Secure token is DISABLED for user Alice Appleseed\n");
  }

  @Test
  void frameworkFailureIsNotSeenOn10_13_6() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.os("10.13.6", "17G66", "x86_64")));
    assertThat(mac.sudo("sysadminctl", "-secureTokenStatus", "alice").exit()).isZero();
  }

  @Test
  void refuseSilently_printsDoneAndChangesNothing_rule2() {
    LabMac mac = LabMac.shipped(dir, "faults/done-but-refused.yml");
    LabMac.Result r = mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"),
        "-secureTokenOn", "alice", "-password", LabMac.password("alice"));
    assertThat(r.exit()).isZero();
    assertThat(r.log()).isEqualTo("- Done!\n");
    assertThat(mac.tokenStatus("alice")).isEqualTo("DISABLED");
  }

  @Test
  void refuseSilently_withACountStopsAfterIt() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia())
        + "faults:\n  refuse_silently:\n    - {match: \"-secureTokenOn\", times: 1}\n");
    String[] grant = {"-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin", "-secureTokenOn", "alice",
        "-password", "pw-alice"};
    mac.sudo("sysadminctl", grant);
    assertThat(mac.token("alice")).isFalse();
    mac.sudo("sysadminctl", grant);
    assertThat(mac.token("alice")).isTrue();
  }
}
