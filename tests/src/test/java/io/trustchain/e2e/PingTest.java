package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustchain ping}: connect, authenticate and run {@code true}, per host, like {@code ansible -m ping}. */
class PingTest {

  @TempDir Path dir;

  @Test
  void everyHostAnswers_inInventoryOrder_andTheExecReachesTheMac() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result ping = ws.run("ping");
    assertThat(ping.code()).as(ping.toString()).isZero();
    assertThat(ping.out()).containsPattern("(?m)^mac-ventura   pong  \\d+ ms\\n"
        + "mac-catalina  pong  \\d+ ms\\nmac-sequoia   pong  \\d+ ms\\n3 hosts: 3 reachable\\.\\n\\z");
    for (String host : new String[] {"mac-ventura", "mac-catalina", "mac-sequoia"}) {
      assertThat(ws.state.resolve(host).resolve("exec.log")).content()
          .as("as every exec, `true` runs through sudo when the inventory says become")
          .contains("sudo -S -p '' perl -e '# trustchain-watchdog v2").contains(" sh -c true\n");
    }
  }

  @Test
  void anUnreachableHost_isReportedWithWhy_theOthersStillAnswer_andTheExitIs1() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-gone", "faults/unreachable.yml");
    design.put("mac-catalina", "catalina-intel.yml");
    groups.put("design", design);
    LabWorkspace ws = LabWorkspace.create(dir, groups);

    LabWorkspace.Result ping = ws.run("ping", "--format", "json");
    assertThat(ping.code()).as(ping.toString()).isEqualTo(1);
    assertThat(ping.out())
        .contains("\"format_version\" : 1")
        .containsPattern("\"mac-gone\" : \\{\\s+\"reachable\" : false,\\s+\"error\" : \"mac-gone \\(127.0.0.1:\\d+\\): "
            + "cannot connect to 127.0.0.1:\\d+: connection refused")
        .containsPattern("\"mac-catalina\" : \\{\\s+\"reachable\" : true,\\s+\"error\" : null,\\s+\"millis\" : \\d+");
    LabWorkspace.Result text = ws.run("ping", "--limit", "mac-gone");
    assertThat(text.out()).startsWith("mac-gone  UNREACHABLE  mac-gone (127.0.0.1:").endsWith("1 host: 0 reachable, 1 unreachable.\n");
  }
}
