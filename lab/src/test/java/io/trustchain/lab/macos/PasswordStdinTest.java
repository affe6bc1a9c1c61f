package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.PasswordCheck;
import io.trustchain.lab.shell.Interpreter;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password paths that keep passwords off command lines, run by the lab as the engine sends them: the
 * password check and set through osascript (Open Directory, the password on stdin), sysadminctl's '-' prompts
 * answered on stdin (the authorising admin's first), and expect answering profiles' prompts.
 */
class PasswordStdinTest {

  @TempDir Path dir;

  private static final SecretRef PW = new SecretRef.Env("PW");
  private static final SecretRef ADMIN = new SecretRef.Env("ADMIN");

  /** Runs the script as root with its secrets on stdin, as the transport sends them; the sections back. */
  private static Map<String, SectionResult> run(LabMac mac, ScriptBuilder b, Map<SecretRef, String> values)
      throws Exception {
    RemoteScript script = b.build(Duration.ofSeconds(30));
    StringBuilder in = new StringBuilder(script.stdinSentinel()).append('\n');
    script.secrets().forEach(ref -> in.append(values.get(ref)).append('\n'));
    String stdin = script.secrets().isEmpty() ? "" : in.toString();
    return mac.host().transact(machine -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = Interpreter.forUser(machine, "root").run(script.text(),
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
      return Sections.parse(new ExecResult(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8), Duration.ZERO), script.nonce());
    });
  }

  @Test
  void thePasswordCheck_readsThePasswordFromStdin_andSaysVerifiedOrRefused() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    ScriptBuilder b = new ScriptBuilder();
    b.step("right", PasswordCheck.verify("alice", PW));
    b.step("wrong", PasswordCheck.verify("tcadmin", PW));
    b.step("ghost", PasswordCheck.verify("ghost", PW));
    Map<String, SectionResult> s = run(mac, b, Map.of(PW, LabMac.password("alice")));
    assertThat(s.get("right").exitCode()).isZero();
    assertThat(s.get("right").stdout()).isEqualTo("verified\n");
    assertThat(s.get("wrong").exitCode()).isEqualTo(1);
    assertThat(s.get("wrong").stderr()).isEqualTo("trustchain: refused: Credentials could not be verified,"
        + " username or password is invalid. (5000)\n");
    assertThat(s.get("ghost").exitCode()).isEqualTo(3);
  }

  @Test
  void anotherOsascriptProgram_isRefusedLoudly() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    ScriptBuilder b = new ScriptBuilder();
    b.step("other", Command.of("osascript", "-l", "JavaScript", "-e", "1+1", "verify", "alice"));
    assertThat(run(mac, b, Map.of()).get("other").stderr()).contains("lab: osascript runs only trustchain's");
  }

  @Test
  void settingAFirstPassword_goesThroughStdin() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    ScriptBuilder b = new ScriptBuilder();
    b.step("create", Command.of("sysadminctl", "-addUser", "dave"));
    b.step("set", PasswordCheck.set("dave", PW));
    b.step("check", PasswordCheck.verify("dave", PW));
    Map<String, SectionResult> s = run(mac, b, Map.of(PW, "dave's new pw"));
    assertThat(s.get("set").stdout()).isEqualTo("set\n");
    assertThat(s.get("check").stdout()).isEqualTo("verified\n");
  }

  @Test
  void sysadminctlPrompts_readTheAdminsPasswordFirst_thenTheUsers() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    ScriptBuilder b = new ScriptBuilder();
    b.step("grant", Command.of("sysadminctl", "-secureTokenOn", "alice", "-password", "-", "-adminUser", "tcadmin",
        "-adminPassword", "-").withStdin(List.of(Arg.secret(ADMIN), Arg.literal("\n"), Arg.secret(PW),
        Arg.literal("\n"))));
    b.step("status", Command.of("sysadminctl", "-secureTokenStatus", "alice"));
    Map<String, SectionResult> s = run(mac, b, Map.of(PW, LabMac.password("alice"), ADMIN, LabMac.password("tcadmin")));
    assertThat(s.get("grant").stderr()).contains("- Done!");
    assertThat(s.get("status").stderr()).contains("Secure token is ENABLED for user Alice Appleseed");
  }

  @Test
  void expectAnswersProfilesPrompts_fromItsStdin() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    String script = "# trustchain-prompts v1: test\nspawn profiles install -type bootstraptoken\n";
    ScriptBuilder b = new ScriptBuilder();
    b.step("escrow", Command.of("expect", "-c", script).withStdin(List.of(Arg.literal("tcadmin\n"),
        Arg.secret(ADMIN), Arg.literal("\n"))));
    b.step("status", Command.of("profiles", "status", "-type", "bootstraptoken"));
    Map<String, SectionResult> s = run(mac, b, Map.of(ADMIN, LabMac.password("tcadmin")));
    assertThat(s.get("escrow").stdout()).contains("Enter the admin user name:")
        .contains("profiles: Bootstrap Token escrowed successfully").doesNotContain(LabMac.password("tcadmin"));
    assertThat(s.get("status").stdout()).contains("escrowed to server: YES");
  }
}
