package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live progress and Ctrl-C on a real terminal (tmux): a slow Mac is named while it works and the
 * fast one's result shows before the run ends; the first Ctrl-C lets the running command time out,
 * prints every host, writes the audit log and leaves no lock (exit 130); the second aborts at once
 * and names the lock it leaves. On a pipe, progress is plain timestamped lines.
 */
class TerminalProgressTest {

  @TempDir Path dir;

  private static final String CAROL = """
      - name: Carol everywhere
        hosts: all
        credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
        resources:
          - user: {name: carol, full_name: Carol, password: "{{ vault_alice_password }}", secure_token: true}
      """;
  private static final String ALICE = LabWorkspace.ALICE_TOKEN;

  private LabWorkspace fleet(String other, String scenario) throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> hosts = new LinkedHashMap<>();
    hosts.put("mac-sequoia", "sequoia-arm.yml");
    hosts.put(other, scenario);
    groups.put("fleet", hosts);
    return LabWorkspace.create(dir, groups);
  }

  @Test
  void aSlowHostIsNamedWhileItWorks_andResultsStreamBeforeTheEnd() throws Exception {
    LabWorkspace ws = fleet("mac-slow", "faults/slow.yml");
    Path play = ws.write("playbooks/carol.yml", CAROL);
    Pattern slowInFlight = Pattern.compile("(?m)^\\s+mac-slow\\s+\\S.*\\d+(\\.\\d)?s \\(host \\d+(\\.\\d)?s\\)$");
    try (Tmux term = Tmux.run(dir, "apply", "--yes", "--no-color", play.toString())) {
      String during = term.await("mac-sequoia's result while mac-slow is still in flight",
          s -> s.contains("mac-sequoia: converged (1 change) in ") && slowInFlight.matcher(s).find(),
          Duration.ofSeconds(90));
      assertThat(during).contains("applying: 1/2 hosts done, 1 in flight");
      assertThat(term.exitCode(Duration.ofSeconds(90))).isZero();
      String end = term.screen();
      assertThat(end).contains("mac-slow: converged (1 change) in ").contains("Apply complete: 2 added")
          .doesNotContain("in flight");
    }
  }

  @Test
  void firstCtrlC_finishesRunningCommands_printsEveryHost_releasesLocks_exits130() throws Exception {
    LabWorkspace ws = fleet("mac-hang", "faults/hang-token-grant.yml");
    Path play = ws.write("playbooks/alice.yml", ALICE);
    try (Tmux term = Tmux.run(dir, "apply", "--yes", "--no-color", "--command-timeout", "5", play.toString())) {
      term.await("mac-hang stuck in its grant while mac-sequoia is done",
          s -> s.contains("mac-sequoia: converged") && s.matches("(?s).*\\n\\s+mac-hang\\s+locking and applying 1 change.*"),
          Duration.ofSeconds(90));
      term.ctrlC();
      assertThat(term.exitCode(Duration.ofSeconds(60))).isEqualTo(130);
      String end = term.screen();
      assertThat(end).contains("Interrupted: no new host or change will start")
          .contains("mac-sequoia: converged\n  ~ user[alice] changed")
          .containsPattern("mac-hang: FAILED: .*timed out")
          .contains("Halted: interrupted (Ctrl-C)")
          .contains("trustchain: interrupted (Ctrl-C); exit 130");
    }
    assertThat(LockTest.lockExists(ws, "mac-hang", "faults/hang-token-grant.yml")).as("no lock left").isFalse();
    String audit = Files.readString(dir.resolve(".trustchain/audit.jsonl"));
    assertThat(audit).contains("\"host\":\"mac-sequoia\"").contains("\"host\":\"mac-hang\"").contains("\"event\":\"run\"");
  }

  @Test
  void secondCtrlC_abortsAtOnce_namingTheLockItLeaves() throws Exception {
    LabWorkspace ws = fleet("mac-hang", "faults/hang-token-grant.yml");
    Path play = ws.write("playbooks/alice.yml", ALICE);
    try (Tmux term = Tmux.run(dir, "apply", "--yes", "--no-color", "--command-timeout", "120", play.toString())) {
      term.await("mac-hang stuck in its grant while mac-sequoia is done",
          s -> s.contains("mac-sequoia: converged") && s.matches("(?s).*\\n\\s+mac-hang\\s+locking and applying 1 change.*"),
          Duration.ofSeconds(90));
      term.ctrlC();
      term.await("the first Ctrl-C's notice", s -> s.contains("Press Ctrl-C again"), Duration.ofSeconds(10));
      long before = System.nanoTime();
      term.ctrlC();
      assertThat(term.exitCode(Duration.ofSeconds(20))).isEqualTo(130);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
      String end = term.screen();
      assertThat(end).contains("Aborted. Apply locks left on: mac-hang (they expire by themselves, or "
          + "break them with --force-unlock ");
      assertThat(end.substring(end.indexOf("Aborted."))).as("no live block left behind").doesNotContain("in flight");
    }
    assertThat(LockTest.lockExists(ws, "mac-hang", "faults/hang-token-grant.yml")).as("the abort left it").isTrue();
  }

  @Test
  void onAPipe_progressIsPlainTimestampedLines() throws Exception {
    LabWorkspace ws = fleet("mac-catalina", "catalina-intel.yml");
    Path play = ws.write("playbooks/carol.yml", CAROL);
    LabWorkspace.Result r = ws.run("apply", "--yes", "-v", play.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("\r").doesNotContain("\033")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d planning: 2 hosts$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d mac-catalina: planned in \\d+\\.\\ds: 1 to change$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d applying: 2 hosts$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d mac-sequoia: locking and applying 1 change$")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d mac-sequoia: converged \\(\\d+\\.\\ds\\)$")
        .containsPattern("(?m)^timing: applying took \\d+\\.\\ds for 2 hosts; slowest: mac-\\w+ \\d+\\.\\ds, mac-\\w+ ");
  }
}
