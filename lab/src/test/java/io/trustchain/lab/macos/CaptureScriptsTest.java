package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.shell.Interpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine's escrow steps need from a simulated Mac: a shell umask and file modes, a redirected
 * fdesetup output plist only root can read, the Mac's clock through date, an institutional key from a
 * certificate in the input plist.
 */
class CaptureScriptsTest {

  static final String PLIST = "/var/db/trustchain-filevault.plist";

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run sh(LabMac mac, String user, String script, String stdin) throws Exception {
    return mac.host().transact(machine -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = Interpreter.forUser(machine, user).run(script,
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    });
  }

  private static int mode(LabMac mac, String path) throws Exception {
    return mac.host().transact(m -> ((MacMachine) m).state().files().mode(path).orElseThrow());
  }

  @Test
  void outputPlistRedirectedUnderUmask077_isReadableByRootOnly_andTheUmaskComesBack() throws Exception {
    LabMac mac = LabMac.shipped(dir, "headless.yml");
    Run r = sh(mac, "root", "tc_um=$(umask)\numask 077; printf '%s' \"$(cat)\" | fdesetup enable -inputplist"
        + " -outputplist > " + PLIST + "; tc_rc=$?\numask \"$tc_um\"\necho \"rc=$tc_rc\"; umask",
        FdesetupChangeTest.plist("tcadmin", LabMac.password("tcadmin")));

    assertThat(r.out()).isEqualTo("rc=0\n0022\n");
    assertThat(mode(mac, PLIST)).isEqualTo(0600);
    assertThat(sh(mac, "ladmin", "cat " + PLIST, "").err()).isEqualTo("cat: " + PLIST + ": Permission denied\n");
    assertThat(sh(mac, "root", "cat " + PLIST, "").out()).contains("<key>RecoveryKey</key>");
    assertThat(sh(mac, "root", "[ -s " + PLIST + " ] && echo pending; rm -f " + PLIST + "; [ -s " + PLIST
        + " ] || echo gone", "").out()).isEqualTo("pending\ngone\n");
  }

  @Test
  void aFileThatExists_keepsItsMode_andTheDefaultMaskIs022() throws Exception {
    LabMac mac = LabMac.shipped(dir, "headless.yml");
    sh(mac, "root", "echo a > /var/db/x", "");
    assertThat(mode(mac, "/var/db/x")).isEqualTo(0644);
    sh(mac, "root", "umask 077; echo b > /var/db/x", "");
    assertThat(mode(mac, "/var/db/x")).isEqualTo(0644);
    assertThat(sh(mac, "root", "umask u=rw", "").err()).contains("unsupported: umask u=rw");
  }

  @Test
  void date_isTheSimulatedClock() throws Exception {
    LabMac mac = LabMac.shipped(dir, "headless.yml");   // clock starts 2025-09-15T03:00:00Z
    assertThat(sh(mac, "ladmin", "date -u +%Y-%m-%dT%H:%M:%SZ", "").out()).startsWith("2025-09-15T03:0");
    assertThat(sh(mac, "ladmin", "date -u", "").out()).matches("Mon Sep 15 03:0\\d:\\d\\d UTC 2025\n");
    mac.event("advance-days", "10");
    assertThat(sh(mac, "ladmin", "date -u +%Y-%m-%d", "").out()).isEqualTo("2025-09-25\n");
    assertThat(sh(mac, "ladmin", "date -j", "").status()).isEqualTo(70);
  }

  @Test
  void anInstitutionalKeyFromTheCertificateInTheInputPlist() throws Exception {
    LabMac mac = LabMac.shipped(dir, "headless.yml");
    byte[] der = new byte[64];
    der[0] = 0x30;
    String cert = Base64.getEncoder().encodeToString(der);
    String plist = "<plist version=\"1.0\"><dict><key>Username</key><string>tcadmin</string><key>Password</key>"
        + "<string>" + LabMac.password("tcadmin") + "</string><key>Certificate</key><data>" + cert
        + "</data></dict></plist>";
    assertThat(mac.run("root", plist, "fdesetup", "enable", "-inputplist", "-norecoverykey").exit()).isZero();
    assertThat(mac.sudo("fdesetup", "hasinstitutionalrecoverykey").out()).isEqualTo("true\n");
    assertThat(mac.sudo("fdesetup", "haspersonalrecoverykey").out()).isEqualTo("false\n");
    assertThat(mac.sudo("diskutil", "apfs", "listCryptoUsers", "/").out()).contains("Institutional Recovery User")
        .doesNotContain("Personal Recovery User");

    LabMac other = LabMac.shipped(dir.resolve("b"), "ventura-arm.yml");
    String bad = plist.replace(cert, "bm90IGEgY2VydA==");
    assertThat(other.run("root", bad, "fdesetup", "changerecovery", "-institutional", "-inputplist").exit())
        .isEqualTo(15);
    assertThat(other.run("root", plist, "fdesetup", "changerecovery", "-institutional", "-inputplist").exit())
        .isZero();
    assertThat(other.sudo("fdesetup", "hasinstitutionalrecoverykey").out()).isEqualTo("true\n");
  }
}
