package io.trustchain.facts;

import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an account's password on the Mac with the password on stdin, never on a command line: a short
 * JavaScript for Automation program run by {@code osascript} asks Open Directory ({@code ODRecord
 * verifyPassword:error:}) with the password read from standard input. This is how freegeek-pdx/mkuser
 * (mkuser.sh, {@code mkuser_verify_password}) verifies passwords "so that the password is never visible in the
 * process list", piping it with the shell's builtin {@code printf}; it notes that this verification counts as
 * an authentication the way {@code dscl . -authonly} does. {@code dscl . -authonly USER PASSWORD} (S76) takes
 * the password only as an argument, so trustchain no longer uses it.
 *
 * <p>The program is trustchain's own: {@code osascript -l JavaScript -e PROGRAM verify|set ACCOUNT}, the
 * password (for {@code set}, the new one) being all of stdin. {@code verify} prints {@code verified} and exits 0,
 * or prints {@code trustchain: refused: <Open Directory's description> (<code>)} on stderr (JXA's console.log
 * writes to stderr) and exits 1; an account that does not exist exits 3. {@code set} sets the password of an
 * account without a Secure Token as root ({@code changePassword:toPassword:error:} with no old password, what
 * mkuser's {@code mkuser_set_password} does instead of {@code dscl . -passwd}) and prints {@code set}.
 */
public final class PasswordCheck {

  /** Marks the program; the lab's osascript runs this program and nothing else. */
  public static final String MARKER = "trustchain-password v1";

  /** The JXA program (no secret in it: the account is an argument, the password stdin). */
  public static final String PROGRAM = String.join("\n",
      "// " + MARKER,
      "// argv = [verify|set, account]; the password is all of stdin",
      "ObjC.import(\"OpenDirectory\");",
      "ObjC.import(\"stdlib\");",
      "function run(argv) {",
      "  const data = $.NSFileHandle.fileHandleWithStandardInput.readDataToEndOfFile;",
      "  const password = $.NSString.alloc.initWithDataEncoding(data, $.NSUTF8StringEncoding);",
      "  const node = $.ODNode.nodeWithSessionTypeError($.ODSession.defaultSession, $.kODNodeTypeLocalNodes, $());",
      "  const record = node.recordWithRecordTypeNameAttributesError($.kODRecordTypeUsers, argv[1], $(), $());",
      "  if (record.isNil()) { console.log(\"trustchain: no such account: \" + argv[1]); $.exit(3); }",
      "  const error = $();",
      "  const ok = argv[0] === \"set\" ? record.changePasswordToPasswordError($(), password, error)",
      "      : record.verifyPasswordError(password, error);",
      "  if (ok === true) { return argv[0] === \"set\" ? \"set\" : \"verified\"; }",
      "  console.log(\"trustchain: refused: \" + (error.isNil() ? \"unknown error\"",
      "      : error.localizedDescription.js + \" (\" + error.code + \")\"));",
      "  $.exit(1);",
      "}");

  private PasswordCheck() {}

  /** Verifies {@code user}'s password; exits non-zero when refused, so a change stops before anything changes. */
  public static Command verify(String user, SecretRef password) {
    return command("verify", user, password);
  }

  /** Sets the password of {@code user}, an account without a Secure Token, as root. */
  public static Command set(String user, SecretRef password) {
    return command("set", user, password);
  }

  private static Command command(String mode, String user, SecretRef password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    return Command.of("osascript", "-l", "JavaScript", "-e", PROGRAM, mode, user).withStdin(List.of(Arg.secret(password)));
  }

  /** Whether the check's section says the password authenticates; null when its output is not understood. */
  static Boolean parse(SectionResult s) {
    if (s.exitCode() == 0 && s.stdout().strip().equals("verified")) {
      return Boolean.TRUE;
    }
    if ((s.exitCode() == 1 && s.stderr().contains("trustchain: refused:"))
        || (s.exitCode() == 3 && s.stderr().contains("trustchain: no such account:"))) {
      return Boolean.FALSE;
    }
    return null;
  }

  /**
   * Checks {@code passwords} (account → password) in one exec; the result maps each account to whether its
   * password authenticates. Output nothing understands is a {@link FactParseException} naming the command.
   */
  public static Map<String, Boolean> run(Transport transport, Map<String, SecretRef> passwords, Duration timeout)
      throws TransportException, FactParseException {
    ScriptBuilder b = new ScriptBuilder();
    for (Map.Entry<String, SecretRef> e : passwords.entrySet()) {
      b.step(e.getKey(), verify(e.getKey(), e.getValue()));
    }
    RemoteScript script = b.build(timeout);
    ExecResult result = transport.exec(script);
    Map<String, SectionResult> sections = Sections.parse(result, script.nonce());
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String user : passwords.keySet()) {
      SectionResult s = sections.get(user);
      Boolean ok = s == null ? null : parse(s);
      if (ok == null) {
        throw new FactParseException("osascript -l JavaScript (trustchain's password check) " + user,
            s == null ? "did not run (exec exit status " + result.exitStatus() + ")"
                : "exit " + s.exitCode() + " with output trustchain does not understand",
            s == null ? result.stderr() : Redact.text(s.stdout() + s.stderr()));
      }
      out.put(user, ok);
    }
    return out;
  }
}
