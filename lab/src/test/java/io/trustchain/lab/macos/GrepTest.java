package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.shell.Interpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grep as apply's guards use it: fixed strings on stdin, BSD exit codes; anything else refused loudly. */
class GrepTest {

  @TempDir
  Path dir;

  @Test
  void fixedStringsAndWholeLines_onStdin() throws Exception {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    String guard = "tc_g=$(sysadminctl -secureTokenStatus alice 2>&1); tc_rc=$?\n"
        + "printf '%s\\n' \"$tc_g\" | grep -q -F -e 'Secure token is DISABLED for user ' && echo disabled\n"
        + "! printf '%s\\n' \"$tc_g\" | grep -q -F -e 'is ENABLED' && echo 'not enabled'\n"
        + "printf 'alice,ABC\\nbob,DEF\\n' | grep -q -F -x -e 'bob,DEF' && echo line\n"
        + "printf 'alice,ABC\\n' | grep -q -F -x -e 'alice'; echo \"$?\"";
    assertThat(sh(mac, guard)).isEqualTo("0|disabled\nnot enabled\nline\n1\n");
    assertThat(sh(mac, "printf 'a\\nb\\n' | grep -F -e b")).isEqualTo("0|b\n");
  }

  @Test
  void regexesFilesAndOtherOptionsAreRefused() throws Exception {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    assertThat(sh(mac, "printf 'a\\n' | grep -q a")).startsWith("2|lab: grep is simulated for fixed strings only");
    assertThat(sh(mac, "printf 'a\\n' | grep -F -e a -i")).startsWith("2|lab: grep -i is not simulated");
  }

  private static String sh(LabMac mac, String script) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = mac.host().transact(m -> Interpreter.forUser(m, "root")
        .run(script, new ByteArrayInputStream(new byte[0]), out, out));
    return status + "|" + out.toString(StandardCharsets.UTF_8);
  }
}
