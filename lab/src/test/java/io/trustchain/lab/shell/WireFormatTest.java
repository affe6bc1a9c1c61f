package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.ShellQuote;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact scripts {@link ScriptBuilder} emits, run by the lab's interpreter as the SSH server
 * runs them ({@code sh -c '…'} or {@code sudo -S -p '' sh -c '…'} with the engine's stdin), and
 * read back with {@link Sections}: the wire format end to end.
 */
class WireFormatTest {

  private static final SecretRef CREDENTIAL = new SecretRef.Env("TC_CREDENTIAL");
  private static final SecretRef ALICE = new SecretRef.Env("TC_ALICE");

  private final FakeMachine machine = FakeMachine.standard("mac-test");

  @BeforeEach
  void programs() {
    machine.program("sw_vers", FakePrograms.recording(machine, "sw_vers", (ctx, args, in) -> {
      ctx.stdout().print("ProductName:\t\tmacOS\nProductVersion:\t\t14.5\nBuildVersion:\t\t23F79\n");
      return 0;
    }, false));
    machine.program("fdesetup", FakePrograms.recording(machine, "fdesetup", (ctx, args, in) -> {
      if (!ctx.isRoot()) {
        ctx.stderr().println("Error: This command requires root privileges.");
        return 1;
      }
      ctx.stdout().println("Recovery key = 'ABCD-EFGH'");
      return 0;
    }, true));
    machine.program("sysadminctl", FakePrograms.recording(machine, "sysadminctl", (ctx, args, in) -> {
      ctx.stderr().println("2024-05-01 10:00:00.000 sysadminctl[123:456] Done!");
      return 0;
    }, false));
    machine.program("dscl", FakePrograms.recording(machine, "dscl", (ctx, args, in) -> {
      if (args.contains("-list")) {
        ctx.stdout().print("_spotlight  89\nadmin  501\nalice  502\nnobody  -2\n");
      } else {
        ctx.stdout().println("RecordName: " + args.get(2).substring("/Users/".length()));
      }
      return 0;
    }, false));
  }

  private static String command(RemoteScript script, boolean become) {
    return (become ? "sudo -S -p '' " : "") + "sh -c " + ShellQuote.quote(script.text());
  }

  private static String stdin(RemoteScript script, String sudoPassword, Map<SecretRef, String> values) {
    StringBuilder in = new StringBuilder();
    if (sudoPassword != null) {
      in.append(sudoPassword).append('\n');
      if (!script.secrets().isEmpty()) {
        in.append("@@tc-not-a-password\n@@tc-not-a-password\n"); // StdinPayload's two fillers
      }
    }
    in.append(script.stdinSentinel()).append('\n');
    for (SecretRef ref : script.secrets()) {
      in.append(values.get(ref)).append('\n');
    }
    return in.toString();
  }

  private Map<String, SectionResult> exec(RemoteScript script, boolean become, String sudoPassword,
      Map<SecretRef, String> secrets) {
    ShellRun r = ShellRun.run(machine, "admin", command(script, become), stdin(script, sudoPassword, secrets));
    return Sections.parse(new ExecResult(r.status(), r.out(), r.err(), Duration.ZERO), script.nonce());
  }

  @Test
  void factsScriptWithLoopsAndConditionals() {
    ScriptBuilder b = ScriptBuilder.withNonce("f00d");
    b.step("os", Command.of("sw_vers"));
    b.raw("dscl . -list /Users UniqueID | while read -r tc_n tc_id; do if [ \"$tc_id\" -ge 500 ]; then\n"
        + b.sectionText("\"user:$tc_n\"", "dscl . -read \"/Users/$tc_n\" RecordName") + "\nfi; done");
    b.raw("for tc_n in alice bob; do\n" + b.sectionText("\"token:$tc_n\"", "sysadminctl -secureTokenStatus \"$tc_n\"")
        + "\ndone");
    b.raw("p=/Library/Preferences/com.apple.fdesetup.plist; if [ -f \"$p\" ]; then\n"
        + b.sectionText("deferral", "echo present") + "\nfi");
    b.step("missing", Command.of("profiles", "status", "-type", "bootstraptoken"));
    RemoteScript script = b.build(Duration.ofSeconds(30));

    Map<String, SectionResult> sections = exec(script, false, null, Map.of());

    assertThat(sections.keySet()).containsExactly("os", "user:admin", "user:alice", "token:alice", "token:bob", "missing");
    assertThat(sections.get("os").stdout()).isEqualTo("ProductName:\t\tmacOS\nProductVersion:\t\t14.5\nBuildVersion:\t\t23F79\n");
    assertThat(sections.get("os").exitCode()).isZero();
    assertThat(sections.get("user:alice").stdout()).isEqualTo("RecordName: alice\n");
    assertThat(sections.get("token:bob").stderr()).contains("sysadminctl[123:456] Done!");
    assertThat(sections.get("token:bob").stdout()).isEmpty();
    assertThat(sections.get("missing").exitCode()).isEqualTo(127);
    assertThat(sections.get("missing").stderr()).isEqualTo("sh: profiles: command not found\n");
  }

  @Test
  void secretsArriveOnStdinAfterTheSentinelWithSudoPassword() {
    ScriptBuilder b = ScriptBuilder.withNonce("5ec7");
    b.step("enable", Command.of("fdesetup", "enable", "-inputplist")
        .withStdin(List.of(Arg.literal("<plist>"), Arg.secret(CREDENTIAL), Arg.literal("</plist>"))));
    b.step("token", Command.of("sysadminctl", "-secureTokenOn", "alice", "-password").withSecret(ALICE));
    RemoteScript script = b.build(Duration.ofSeconds(30));
    assertThat(script.text()).doesNotContain("cred pass", "alice pass");

    Map<String, SectionResult> sections = exec(script, true, "adminpw",
        Map.of(CREDENTIAL, "cred pass", ALICE, "alice 'pass'"));

    assertThat(sections.keySet()).containsExactly("enable", "token");
    assertThat(sections.get("enable").stdout()).isEqualTo("Recovery key = 'ABCD-EFGH'\n");
    List<FakeMachine.Run> runs = machine.runs();
    assertThat(runs.get(0).commandLine()).containsExactly("fdesetup", "enable", "-inputplist");
    assertThat(runs.get(0).stdin()).isEqualTo("<plist>cred pass</plist>");
    assertThat(runs.get(0).user()).isEqualTo("root");
    assertThat(runs.get(1).commandLine()).containsExactly("sysadminctl", "-secureTokenOn", "alice", "-password", "alice 'pass'");
  }

  @Test
  void secretsWithoutSudo() {
    ScriptBuilder b = ScriptBuilder.withNonce("a1");
    b.step("auth", Command.of("args", "-authonly").withSecret(CREDENTIAL));
    RemoteScript script = b.build(Duration.ofSeconds(30));

    Map<String, SectionResult> sections = exec(script, false, null, Map.of(CREDENTIAL, " spaced\\secret "));

    assertThat(sections.get("auth").stdout()).isEqualTo("<-authonly>\n< spaced\\secret >\n");
  }

  @Test
  void sudoWithoutSecretsLeavesTheSentinelUnread() {
    ScriptBuilder b = ScriptBuilder.withNonce("b2");
    b.step("whoami", Command.of("whoami"));
    RemoteScript script = b.build(Duration.ofSeconds(30));

    Map<String, SectionResult> sections = exec(script, true, "adminpw", Map.of());

    assertThat(sections.get("whoami").stdout()).isEqualTo("root\n");
  }

  @Test
  void wrongSudoPasswordProducesNoSections() {
    ScriptBuilder b = ScriptBuilder.withNonce("c3");
    b.step("enable", Command.of("fdesetup", "enable", "-inputplist").withStdin(List.of(Arg.secret(CREDENTIAL))));
    RemoteScript script = b.build(Duration.ofSeconds(30));
    ShellRun r = ShellRun.run(machine, "admin", command(script, true), stdin(script, "nope", Map.of(CREDENTIAL, "x")));

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).as("sudo's three attempts end on the fillers, before the sentinel and the secret")
        .isEqualTo("Sorry, try again.\nSorry, try again.\nsudo: 3 incorrect password attempts\n");
    assertThat(Sections.parse(new ExecResult(r.status(), r.out(), r.err(), Duration.ZERO), script.nonce())).isEmpty();
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void stopOnFailureEndsTheScriptWithTheFailingStatus() {
    ScriptBuilder b = ScriptBuilder.withNonce("d4").stopOnFailure(true);
    b.step("first", Command.of("fdesetup", "enable", "-inputplist"));
    b.step("second", Command.of("whoami"));
    RemoteScript script = b.build(Duration.ofSeconds(30));
    ShellRun r = ShellRun.run(machine, "admin", command(script, false), stdin(script, null, Map.of()));
    Map<String, SectionResult> sections =
        Sections.parse(new ExecResult(r.status(), r.out(), r.err(), Duration.ZERO), script.nonce());

    assertThat(r.status()).isEqualTo(1);
    assertThat(sections.keySet()).containsExactly("first");
    assertThat(sections.get("first").stderr()).isEqualTo("Error: This command requires root privileges.\n");
  }
}
