package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sw_vers (S79–S83), uname (S84), sysctl/arch (S85), id, dseditgroup (S78). */
class SystemToolsTest {

  @TempDir
  Path dir;

  private LabMac mac(String os) {
    return LabMac.inline(dir.resolve(String.valueOf(os.hashCode())), Scenarios.cast(os));
  }

  @Test
  void swVers_oneTabUpTo12_S79_S80() {
    assertThat(mac(Scenarios.bigSur()).as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\tmacOS\nProductVersion:\t11.7.10\nBuildVersion:\t20G1427\n");
    assertThat(mac(Scenarios.os("12.7.6", "21H1320", "arm64")).as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\tmacOS\nProductVersion:\t12.7.6\nBuildVersion:\t21H1320\n");
  }

  @Test
  void swVers_twoTabsFrom13_S81_labChoiceFor13() {
    assertThat(mac(Scenarios.sequoia()).as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\t\tmacOS\nProductVersion:\t\t15.7.1\nBuildVersion:\t\t24G231\n");
    assertThat(mac(Scenarios.ventura()).as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\t\tmacOS\nProductVersion:\t\t13.6.7\nBuildVersion:\t\t22G720\n");
    assertThat(mac(Scenarios.tahoe()).as("alice", "sw_vers").out()).contains("ProductVersion:\t\t26.1\n");
  }

  @Test
  void swVers_macOsXBefore11_S83() {
    assertThat(mac(Scenarios.catalina()).as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\tMac OS X\nProductVersion:\t10.15.7\nBuildVersion:\t19H15\n");
  }

  @Test
  void swVers_rapidSecurityResponseExtra_S82() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.ventura())
        .replace("arch: arm64}", "arch: arm64, version_extra: \"(a)\"}"));
    assertThat(mac.as("alice", "sw_vers").out())
        .isEqualTo("ProductName:\t\tmacOS\nProductVersion:\t\t13.6.7\nProductVersionExtra:\t(a)\nBuildVersion:\t\t22G720\n");
    assertThat(mac.as("alice", "sw_vers", "--productVersionExtra").out()).isEqualTo("(a)\n");
  }

  @Test
  void swVers_singleValues_anyCaseOneOrTwoDashes_S82() {
    LabMac mac = mac(Scenarios.catalina());
    assertThat(mac.as("alice", "sw_vers", "-productName").out()).isEqualTo("Mac OS X\n");
    assertThat(mac.as("alice", "sw_vers", "--productversion").out()).isEqualTo("10.15.7\n");
    assertThat(mac.as("alice", "sw_vers", "-buildVersion").out()).isEqualTo("19H15\n");
    assertThat(mac.as("alice", "sw_vers", "-bogus").exit()).isEqualTo(1);
  }

  @Test
  void uname_S84() {
    LabMac intel = mac(Scenarios.bigSur());
    assertThat(intel.as("alice", "uname", "-m").out()).isEqualTo("x86_64\n");
    assertThat(intel.as("alice", "uname", "-r").out()).isEqualTo("20.6.0\n");
    assertThat(intel.as("alice", "uname").out()).isEqualTo("Darwin\n");
    assertThat(intel.as("alice", "uname", "-a").out())
        .matches("Darwin mac 20\\.6\\.0 Darwin Kernel Version 20\\.6\\.0: .*RELEASE_X86_64 x86_64\n");
    LabMac arm = mac(Scenarios.sequoia());
    assertThat(arm.as("alice", "uname", "-m").out()).isEqualTo("arm64\n");
    assertThat(arm.as("alice", "uname", "-r").out()).isEqualTo("24.6.0\n");
    assertThat(arm.as("alice", "uname", "-s", "-r").out()).isEqualTo("Darwin 24.6.0\n");
    assertThat(mac(Scenarios.catalina()).as("alice", "uname", "-r").out()).isEqualTo("19.6.0\n");
  }

  @Test
  void sysctlAndArch_appleSiliconDetection_S85() {
    LabMac arm = mac(Scenarios.sequoia());
    assertThat(arm.as("alice", "sysctl", "-n", "hw.optional.arm64").out()).isEqualTo("1\n");
    assertThat(arm.as("alice", "sysctl", "-in", "sysctl.proc_translated").out()).isEqualTo("0\n");
    assertThat(arm.as("alice", "/usr/bin/arch").out()).isEqualTo("arm64\n");
    LabMac intel = mac(Scenarios.catalina());
    LabMac.Result quiet = intel.as("alice", "/usr/sbin/sysctl", "-q", "-n", "hw.optional.arm64");
    assertThat(quiet.out() + quiet.err()).isEmpty();
    LabMac.Result loud = intel.as("alice", "sysctl", "-n", "hw.optional.arm64");
    assertThat(loud.exit()).isEqualTo(1);
    assertThat(loud.err()).isEqualTo("sysctl: unknown oid 'hw.optional.arm64'\n");
    assertThat(intel.as("alice", "arch").out()).isEqualTo("i386\n");
    assertThat(intel.as("alice", "sysctl", "hw.machine").out()).isEqualTo("hw.machine: x86_64\n");
  }

  @Test
  void id_forms() {
    LabMac mac = mac(Scenarios.sequoia());
    assertThat(mac.as("alice", "id", "-u").out()).isEqualTo("503\n");
    assertThat(mac.as("alice", "id", "-un").out()).isEqualTo("alice\n");
    assertThat(mac.as("root", "id", "-u").out()).isEqualTo("0\n");
    assertThat(mac.as("alice", "id", "-Gn", "tcadmin").out()).isEqualTo("staff everyone localaccounts admin\n");
    assertThat(mac.as("alice", "id").out())
        .isEqualTo("uid=503(alice) gid=20(staff) groups=20(staff),12(everyone),61(localaccounts)\n");
    assertThat(mac.as("alice", "id", "ghost").exit()).isEqualTo(1);
  }

  @Test
  void dseditgroup_checkmemberAndEdit_S78() {
    LabMac mac = mac(Scenarios.sequoia());
    LabMac.Result yes = mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "tcadmin", "admin");
    assertThat(yes.exit()).isZero();
    assertThat(yes.out()).isEqualTo("yes tcadmin is a member of admin\n");
    LabMac.Result no = mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "alice", "admin");
    assertThat(no.exit()).isEqualTo(67);
    assertThat(no.out()).isEqualTo("no alice is NOT a member of admin\n");
    assertThat(mac.as("alice", "dseditgroup", "-o", "edit", "-a", "alice", "-t", "user", "admin").exit()).isNotZero();
    assertThat(mac.sudo("/usr/sbin/dseditgroup", "-o", "edit", "-a", "alice", "-t", "user", "admin").exit()).isZero();
    assertThat(mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "alice", "admin").exit()).isZero();
    assertThat(mac.sudo("dseditgroup", "-o", "edit", "-d", "alice", "-t", "user", "admin").exit()).isZero();
    assertThat(mac.as("alice", "dseditgroup", "-o", "checkmember", "-m", "alice", "admin").exit()).isEqualTo(67);
  }

  @Test
  void programsResolveByBareNameOrTheirOwnPathOnly() {
    LabMac mac = mac(Scenarios.sequoia());
    assertThat(mac.hasProgram("/usr/sbin/sysadminctl")).isTrue();
    assertThat(mac.hasProgram("/usr/bin/sysadminctl")).isFalse();
    assertThat(mac.hasProgram("ls")).isFalse();
  }
}
