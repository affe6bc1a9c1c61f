package io.trustchain.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.secret.SecretRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's standard output to a file on the Mac (umask 077), and captured output. */
class CommandExtensionsTest {

  private static final SecretRef PW = new SecretRef.Env("TC_PW");

  @Test
  void display_showsTheRedirection_theMaskedInput_andTheCapture() {
    Command enable = Command.of("fdesetup", "enable", "-inputplist", "-outputplist")
        .withStdin(List.of(Arg.literal("<dict>"), Arg.secret(PW), Arg.literal("</dict>")))
        .toFile("/var/db/trustchain-filevault.plist");
    assertThat(enable.display()).isEqualTo(
        "fdesetup enable -inputplist -outputplist > /var/db/trustchain-filevault.plist <<< (sensitive input)");
    Command cat = Command.of("cat", "/var/db/trustchain-filevault.plist")
        .capturing(new Capture("personal_recovery_key", "RecoveryKey"));
    assertThat(cat.display()).isEqualTo("cat /var/db/trustchain-filevault.plist"
        + " (output captured: RecoveryKey → escrow personal_recovery_key)");
    assertThat(cat.isCapture()).isTrue();
    assertThat(enable.isCapture()).isFalse();
  }

  @Test
  void aCapturedCommandCannotAlsoWriteAFile_andFilesAreAbsolute() {
    assertThatThrownBy(() -> Command.of("cat", "x").capturing(new Capture("prk", "RecoveryKey")).toFile("/tmp/y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.of("date").toFile("relative"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute path");
  }

  @Test
  void step_withAStdoutFile_runsUnderUmask077_andRestoresTheUmask() {
    ScriptBuilder b = ScriptBuilder.withNonce("n0nce");
    b.step("0", Command.of("fdesetup", "enable", "-inputplist", "-outputplist")
        .withStdin(List.of(Arg.literal("<dict>"), Arg.secret(PW), Arg.literal("</dict>")))
        .toFile("/var/db/trustchain-filevault.plist"));
    String text = b.build(Duration.ofSeconds(5)).text();
    assertThat(text).contains("tc_um=$(umask)\n"
        + "tc_begin 0\n"
        + "umask 077; printf '%s' '<dict>' \"$tc_s1\" '</dict>' | fdesetup enable -inputplist -outputplist"
        + " > /var/db/trustchain-filevault.plist; tc_rc=$?\n");
    assertThat(text).contains("umask \"$tc_um\"\n");
    assertThat(text.indexOf("umask \"$tc_um\"")).isGreaterThan(text.indexOf("tc_end 0"));
  }

  @Test
  void captureIsAnIdentifierPair() {
    assertThatThrownBy(() -> new Capture("a b", "RecoveryKey")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Capture("personal_recovery_key", "RecoveryKey")).hasToString("RecoveryKey → escrow personal_recovery_key");
  }
}
