package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code variance} fault: a tool prints lines nobody documented, or another exit status (issue 7). */
class VarianceFaultTest {

  @TempDir Path dir;

  @Test
  void variance_addsTheLinesAfterTheToolsOwnOutput_andOnlyForTheMatchingCommand() {
    LabMac mac = LabMac.shipped(dir, "faults/undocumented-line.yml");
    LabMac.Result status = mac.sudo("fdesetup", "status");
    assertThat(status.exit()).isEqualTo(1);
    assertThat(status.out()).isEqualTo("FileVault is Off.\n"
        + "FileVault encryption is paused until this Mac is connected to power.\n");
    assertThat(mac.sudo("fdesetup", "isactive").out()).isEqualTo("false\n");
  }

  @Test
  void variance_beforeStderrExitAndTimes_andTheToolsEffectIsKept() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + """
        faults:
          variance:
            - {match: "-secureTokenOn", before: ["Undocumented: first"], stderr: ["objc[1]: noise"], exit: 3, times: 1}
        """);
    String[] grant = {"-adminUser", "tcadmin", "-adminPassword", "pw-tcadmin", "-secureTokenOn", "alice",
        "-password", "pw-alice"};
    LabMac.Result first = mac.sudo("sysadminctl", grant);
    assertThat(first.exit()).isEqualTo(3);
    assertThat(first.out()).isEqualTo("Undocumented: first\n");
    assertThat(first.err()).endsWith("- Done!\nobjc[1]: noise\n");
    assertThat(mac.token("alice")).as("the tool ran").isTrue();
    LabMac.Result again = mac.sudo("sysadminctl", "-secureTokenStatus", "alice");
    assertThat(again.out()).isEmpty();
    assertThat(mac.sudo("sysadminctl", grant).exit()).as("times: 1").isZero();
  }

  @Test
  void variance_replace_dropsTheToolsOwnOutput() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + """
        faults:
          variance:
            - {match: "^sw_vers", replace: true, stderr: ["sh: sw_vers: command not found"], exit: 127}
        """);
    LabMac.Result r = mac.sudo("sw_vers");
    assertThat(r.exit()).isEqualTo(127);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("sh: sw_vers: command not found\n");
  }
}
