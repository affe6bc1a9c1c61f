package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.shell.Interpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** date, mv and mkdir as the engine's apply lock uses them ({@code /var/db/trustchain/apply.lock}). */
class LockToolsTest {

  @TempDir
  Path dir;

  private LabMac mac() {
    return LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + "clock: {start: \"2025-10-06T10:00:00+02:00\"}\n");
  }

  @Test
  void date_printsTheSimulatedClock() {
    LabMac mac = mac();
    assertThat(mac.as("alice", "date", "-u", "+%s").out()).isEqualTo("1759737600\n");
    assertThat(mac.as("alice", "date", "-u", "+%Y-%m-%dT%H:%M:%SZ").out()).isEqualTo("2025-10-06T08:00:00Z\n");
    assertThat(mac.as("alice", "date", "+%F %T %z").out()).isEqualTo("2025-10-06 10:00:00 +0200\n");
    assertThat(mac.as("alice", "date", "-u").out()).isEqualTo("Mon Oct  6 08:00:00 UTC 2025\n");
    LabMac.Result set = mac.sudo("date", "1010101025");
    assertThat(set.exit()).isEqualTo(70);
    assertThat(set.err()).contains("is not simulated");
  }

  @Test
  void mv_renamesFilesAndDirectoriesWithBsdWords() throws Exception {
    LabMac mac = mac();
    assertThat(mac.sudo("mkdir", "-p", "/var/db/x/a").exit()).isZero();
    mac.host().transact(m -> {
      m.writeFile("/var/db/x/a/owner", "run_id=1\n");
      return null;
    });
    assertThat(mac.sudo("mv", "/var/db/x/a", "/var/db/x/b").exit()).isZero();
    assertThat(mac.isDirectory("/var/db/x/a")).isFalse();
    assertThat(mac.sudo("cat", "/var/db/x/b/owner").out()).isEqualTo("run_id=1\n");
    LabMac.Result missing = mac.sudo("mv", "/var/db/x/a", "/var/db/x/c");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("mv: rename /var/db/x/a to /var/db/x/c: No such file or directory\n");
    assertThat(mac.sudo("mkdir", "/var/db/x/d").exit()).isZero();
    assertThat(mac.sudo("mv", "/var/db/x/b", "/var/db/x/d").exit()).as("into an existing directory").isZero();
    assertThat(mac.sudo("cat", "/var/db/x/d/b/owner").out()).isEqualTo("run_id=1\n");
    assertThat(mac.as("alice", "mv", "/var/db/x/d", "/var/db/x/e").err())
        .isEqualTo("mv: rename /var/db/x/d to /var/db/x/e: Permission denied\n");
  }

  @Test
  void mkdirIsTheLocksTestAndSetAndTheOwnerFileReadsBack() throws Exception {
    LabMac mac = mac();
    String take = "tc_now=$(date -u +%s)\nmkdir -p /var/db/trustchain\nmkdir /var/db/trustchain/apply.lock && "
        + "printf '%s\\n' 'run_id=abc' \"acquired=$tc_now\" > /var/db/trustchain/apply.lock/owner";
    assertThat(sh(mac, take)).isEqualTo("0|");
    assertThat(sh(mac, take)).isEqualTo("1|mkdir: /var/db/trustchain/apply.lock: File exists\n");
    assertThat(sh(mac, "cat /var/db/trustchain/apply.lock/owner")).isEqualTo("0|run_id=abc\nacquired=1759737600\n");
    assertThat(sh(mac, "tc_l=''; IFS= read -r tc_l < /var/db/trustchain/apply.lock/owner; "
        + "if [ \"$tc_l\" = 'run_id=abc' ]; then rm -rf /var/db/trustchain/apply.lock; echo released; fi"))
        .isEqualTo("0|released\n");
    assertThat(mac.isDirectory("/var/db/trustchain/apply.lock")).isFalse();
  }

  /** {@code status|output} of a script run as root. */
  private static String sh(LabMac mac, String script) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = mac.host().transact(m -> Interpreter.forUser(m, "root")
        .run(script, new ByteArrayInputStream(new byte[0]), out, out));
    return status + "|" + out.toString(StandardCharsets.UTF_8);
  }
}
