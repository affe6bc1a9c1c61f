package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.Probes;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a host's changes are cut into execs (a capture ends one; with none, verify still gets its own)
 * and how their sections are read back: a guard that failed aborts its change and everything after it.
 */
class ChangeScriptTest {

  static final String PLIST = "/var/db/trustchain-filevault.plist";
  static final ExecResult OK = new ExecResult(0, "", "", Duration.ZERO);

  static Change user(String name, Command... commands) {
    return new Change.Update(ResourceAddress.of("user", name), Attributes.EMPTY, Attributes.EMPTY, List.of(commands),
        name, List.of(Probes.accountExists(name)));
  }

  static Change fileVault() {
    Command capture = Command.of("cat", PLIST).capturing(new Capture("personal_recovery_key", "RecoveryKey"));
    return new Change.Update(ResourceAddress.of("filevault", "main"), Attributes.EMPTY, Attributes.EMPTY,
        List.of(Command.of("fdesetup", "enable").toFile(PLIST), capture, Command.of("rm", "-f", PLIST),
            Command.of("fdesetup", "list")), "enable");
  }

  @Test
  void withoutACapture_theChangesTakeOneExec_andVerifyAnother() {
    ChangeScript script = ChangeScript.of(List.of(user("alice", Command.of("true")), user("bob", Command.of("true"))));
    assertThat(script.execs()).isEqualTo(2);
    assertThat(script.segment(0)).hasSize(2);
    assertThat(script.segment(1)).isEmpty();
    assertThat(script.captureEnding(0)).isNull();
  }

  @Test
  void aCaptureEndsItsExec_andWhatFollowsItGoesWithVerify() {
    ChangeScript script = ChangeScript.of(List.of(user("alice", Command.of("true")), fileVault(),
        user("bob", Command.of("true"))));
    assertThat(script.execs()).isEqualTo(2);
    assertThat(script.segment(0)).containsExactly(new ChangeScript.Piece(0, 0, 1), new ChangeScript.Piece(1, 0, 2));
    assertThat(script.segment(1)).containsExactly(new ChangeScript.Piece(1, 2, 4), new ChangeScript.Piece(2, 0, 1));
    assertThat(script.captureEnding(0).program()).isEqualTo("cat");
    ScriptBuilder b = ScriptBuilder.withNonce("n0");
    script.write(1, b, false);
    String text = b.build(Duration.ofSeconds(1)).text();
    assertThat(text).contains("rm -f " + PLIST).contains("dscl . -read /Users/bob RecordName")
        .doesNotContain("fdesetup enable").doesNotContain("/Users/alice");
  }

  @Test
  void twoCaptures_costOneMoreExec() {
    ChangeScript script = ChangeScript.of(List.of(fileVault(), fileVault()));
    assertThat(script.execs()).isEqualTo(3);
  }

  @Test
  void aFailedGuardAbortsItsChange_theRestIsNotRun() {
    ChangeScript script = ChangeScript.of(List.of(user("alice", Command.of("true")), user("bob", Command.of("true"))));
    ChangeLedger ledger = new ChangeLedger(script);
    Map<String, SectionResult> sections = new HashMap<>();
    sections.put("g:0:0", new SectionResult("g:0:0", 56, "<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)\n", ""));
    sections.put("x:0", new SectionResult("x:0", 0, " g:0:0\n", ""));

    ledger.read(0, OK, sections);

    assertThat(ledger.state(0)).isEqualTo(ChangeLedger.State.FAILED);
    assertThat(ledger.aborted(0)).isTrue();
    assertThat(ledger.message(0)).isEqualTo("not applied: the Mac changed since the plan was made: alice exists no"
        + " longer holds (`dscl . -read /Users/alice RecordName` says: <dscl_cmd> DS Error: -14136 (eDSRecordNotFound))");
    assertThat(ledger.state(1)).isEqualTo(ChangeLedger.State.NOT_RUN);
    ScriptBuilder b = ScriptBuilder.withNonce("n0");
    script.write(1, b, ledger.stopped());
    assertThat(b.build(Duration.ofSeconds(1)).text()).contains("tc_stop=1");
  }

  @Test
  void commandsThatRan_orFailed_orNeverAnswered() {
    ChangeScript script = ChangeScript.of(List.of(user("alice", Command.of("true"), Command.of("false")),
        user("bob", Command.of("true"))));
    ChangeLedger ledger = new ChangeLedger(script);
    Map<String, SectionResult> sections = new HashMap<>();
    sections.put("c:0:0", new SectionResult("c:0:0", 0, "fine\n", ""));
    sections.put("c:0:1", new SectionResult("c:0:1", 1, "", "nope\n"));
    ledger.read(0, OK, sections);
    assertThat(ledger.state(0)).isEqualTo(ChangeLedger.State.FAILED);
    assertThat(ledger.message(0)).isEqualTo("`false` exited 1");
    assertThat(ledger.words(0)).isEqualTo("fine\nnope");
    assertThat(ledger.state(1)).isEqualTo(ChangeLedger.State.NOT_RUN);

    ChangeLedger lost = new ChangeLedger(script);
    lost.lost(0, "its exec never answered (connection dropped)");
    assertThat(lost.state(0)).isEqualTo(ChangeLedger.State.UNKNOWN);
    assertThat(lost.state(1)).isEqualTo(ChangeLedger.State.UNKNOWN);
  }

  @Test
  void aCaptureThatDidNotReachEscrow_stopsWhatFollows() {
    ChangeScript script = ChangeScript.of(List.of(fileVault()));
    ChangeLedger ledger = new ChangeLedger(script);
    Map<String, SectionResult> sections = new HashMap<>();
    sections.put("c:0:0", new SectionResult("c:0:0", 0, "", ""));
    sections.put("c:0:1", new SectionResult("c:0:1", 0, "<plist>secret</plist>", ""));
    ledger.read(0, OK, sections);
    assertThat(ledger.words(0)).as("a capture's output is never kept as words").doesNotContain("secret");
    ledger.captured(0, false, "personal_recovery_key was not escrowed: the store is full");
    assertThat(ledger.stopped()).isTrue();
    ledger.read(1, OK, Map.of());
    assertThat(ledger.state(0)).isEqualTo(ChangeLedger.State.FAILED);
    assertThat(ledger.message(0)).isEqualTo("personal_recovery_key was not escrowed: the store is full");
  }
}
