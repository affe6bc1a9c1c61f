package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one POSIX sh script of an exec: a stdin preamble that reads secrets into variables,
 * then sections, each framed by markers on both streams so that {@link Sections} can give every
 * command its own stdout, stderr and exit status.
 *
 * <p>Wire format (NONCE is random per script, so tool output cannot forge a marker):
 *
 * <pre>
 * while IFS= read -r tc_l; do [ "$tc_l" = @@tc-stdin-NONCE ] &amp;&amp; break; done   (only with secrets)
 * IFS= read -r tc_s1
 * tc_rc=0
 * tc_b='\n@@tc:NONCE:b:%s\n'
 * tc_e='\n@@tc:NONCE:e:%s:%s\n'
 * tc_begin() { printf "$tc_b" "$1"; printf "$tc_b" "$1" &gt;&amp;2; }
 * tc_end() { printf "$tc_e" "$tc_rc" "$1"; printf "$tc_e" "$tc_rc" "$1" &gt;&amp;2; }
 * tc_begin KEY
 * COMMAND; tc_rc=$?
 * tc_end KEY
 * </pre>
 *
 * The markers' formats are written once, in {@code tc_b} and {@code tc_e}, and printed on both streams by two
 * sh functions, so a section's frame is its key twice: the facts script is about a third of the size it had with
 * the formats spelled out in every section, and that size is paid at every exec (encrypted by the client, read by
 * the Mac's sh).
 *
 * The transport writes, on stdin: the sudo password line (with become), the line
 * {@code @@tc-stdin-NONCE}, then one line per secret. A sudo that needs no password leaves its line
 * to the preamble loop, which discards it.
 */
public final class ScriptBuilder {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** A section's begin marker on both streams, through the function the preamble defines; the key word follows. */
  private static final String BEGIN = "tc_begin ";
  /** A section's end marker (exit status, key) on both streams; the key word follows. */
  private static final String END = "tc_end ";

  private final String nonce;
  private final Map<SecretRef, String> secretVars = new LinkedHashMap<>();
  private final List<String> body = new ArrayList<>();
  private boolean stopOnFailure;

  public ScriptBuilder() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    this.nonce = HexFormat.of().formatHex(b);
  }

  /** For golden tests only: a fixed nonce. */
  public static ScriptBuilder withNonce(String nonce) {
    return new ScriptBuilder(nonce);
  }

  private ScriptBuilder(String nonce) {
    this.nonce = nonce;
  }

  public String nonce() {
    return nonce;
  }

  /** After a step exits non-zero, the script stops (later steps have no section). */
  public ScriptBuilder stopOnFailure(boolean stop) {
    this.stopOnFailure = stop;
    return this;
  }

  /** Whether a step that exits non-zero stops the script ({@link #stopOnFailure}). */
  public boolean stopsOnFailure() {
    return stopOnFailure;
  }

  /**
   * The sh added so far, without the preamble {@link #build} puts before it; for a caller that adds the same
   * sections to many scripts and makes them once ({@link #raw} adds them back). Only for a builder that holds no
   * secret variable: their names are the builder's own.
   */
  public String bodyText() {
    if (!secretVars.isEmpty()) {
      throw new IllegalStateException("a body with secret variables cannot be reused");
    }
    return String.join("\n", body);
  }

  /** The variable reference ({@code "$tc_s3"}, quoted) that holds {@code ref}'s value remotely. */
  public String secretVar(SecretRef ref) {
    return "\"$" + secretVars.computeIfAbsent(ref, r -> "tc_s" + (secretVars.size() + 1)) + "\"";
  }

  /**
   * One command as a framed section keyed {@code key} (a literal key). A command with a
   * {@link Command#stdoutFile()} runs with umask 077 (the file is readable by its owner only); the
   * previous umask is restored after it: {@code tc_um=$(umask)}, {@code umask 077; … > 'FILE'},
   * {@code umask "$tc_um"}.
   */
  public ScriptBuilder step(String key, Command command) {
    body.add(stepText(key, command));
    return this;
  }

  /** The text of {@link #step}, for use inside {@link #raw} conditionals. */
  public String stepText(String key, Command command) {
    if (command.stdoutFile() == null) {
      return sectionText(ShellQuote.quote(key), render(command));
    }
    return "tc_um=$(umask)\n" + sectionText(ShellQuote.quote(key), "umask 077; " + render(command))
        + "\numask \"$tc_um\"";
  }

  /**
   * A framed section whose key is the sh word {@code keyWord} (e.g. {@code "user:$tc_u"}, already
   * quoted as needed) around the sh command line {@code commandLine}.
   */
  public ScriptBuilder section(String keyWord, String commandLine) {
    body.add(sectionText(keyWord, commandLine));
    return this;
  }

  /** The text of a framed section, for use inside {@link #raw} loops. */
  public String sectionText(String keyWord, String commandLine) {
    return frame(keyWord, commandLine + "; tc_rc=$?");
  }

  /**
   * A step whose output the script reads again, run once: its stdout is kept in the sh variable {@code var}
   * ({@code var=$(COMMAND)}, whose exit status is the command's) and printed in its section, and its stderr goes
   * out as it comes. A command substitution drops the output's trailing newlines; one is printed back (none when
   * the command printed nothing).
   */
  public ScriptBuilder capture(String key, Command command, String var) {
    if (command.stdoutFile() != null || !var.matches("tc_[a-z]+")) {
      throw new IllegalArgumentException("capture needs a command printing to stdout and a tc_ variable: " + var);
    }
    body.add(frame(ShellQuote.quote(key), var + "=$(" + render(command) + "); tc_rc=$?\n"
        + "[ -z \"$" + var + "\" ] || printf '%s\\n' \"$" + var + "\""));
    return this;
  }

  /** {@code body} (which sets {@code tc_rc}) between the section's markers. */
  private String frame(String keyWord, String body) {
    StringBuilder s = new StringBuilder();
    s.append(BEGIN).append(keyWord).append('\n');
    s.append(body).append('\n');
    s.append(END).append(keyWord);
    if (stopOnFailure) {
      s.append("\n[ \"$tc_rc\" -eq 0 ] || exit \"$tc_rc\"");
    }
    return s.toString();
  }

  /**
   * The text of a guard as a framed section keyed {@code key} (a literal key): its probe runs with
   * both streams captured ({@code tc_g=$(PROBE 2>&1)}), the section holds that output and the probe's
   * exit status, then the expectation is tested on the Mac; when it fails, {@code tc_bad} gets
   * {@code key} appended (a space before it). The probe's own exit status never stops the script.
   */
  public String guardText(String key, Guard guard) {
    String k = ShellQuote.quote(key);
    String test = switch (guard.expect()) {
      case Guard.Expect.Exit x -> "[ \"$tc_rc\" " + (x.equal() ? "-eq " : "-ne ") + x.code() + " ]";
      case Guard.Expect.Output o -> (o.present() ? "" : "! ") + "printf '%s\\n' \"$tc_g\" | grep -q -F "
          + (o.wholeLine() ? "-x " : "") + "-e " + ShellQuote.quote(o.text());
    };
    return "tc_g=$(" + render(guard.probe()) + " 2>&1); tc_rc=$?\n"
        + BEGIN + k + "\n"
        + "printf '%s\\n' \"$tc_g\"\n"
        + END + k + "\n"
        + test + " || tc_bad=\"$tc_bad \"" + k;
  }

  /** Raw sh (loops, conditionals) added as-is; it must not contain secret values. */
  public ScriptBuilder raw(String shText) {
    body.add(shText);
    return this;
  }

  /**
   * The sh command line for {@code command}: quoted literals, secret variables, stdin via printf, and
   * {@code > 'FILE'} for a {@link Command#stdoutFile()} (the umask is {@link #step}'s business).
   */
  public String render(Command command) {
    StringBuilder line = new StringBuilder();
    if (!command.stdin().isEmpty()) {
      line.append("printf '%s'");
      for (Arg a : command.stdin()) {
        line.append(' ').append(word(a));
      }
      line.append(" | ");
    }
    for (int i = 0; i < command.argv().size(); i++) {
      if (i > 0) {
        line.append(' ');
      }
      line.append(word(command.argv().get(i)));
    }
    if (command.stdoutFile() != null) {
      line.append(" > ").append(ShellQuote.quote(command.stdoutFile()));
    }
    return line.toString();
  }

  private String word(Arg a) {
    return switch (a) {
      case Arg.Literal l -> ShellQuote.quote(l.value());
      case Arg.Sensitive s -> secretVar(s.ref());
    };
  }

  /** The stdin line that separates the sudo password from the secrets. */
  public String stdinSentinel() {
    return "@@tc-stdin-" + nonce;
  }

  public RemoteScript build(Duration timeout) {
    StringBuilder text = new StringBuilder();
    if (!secretVars.isEmpty()) {
      text.append("while IFS= read -r tc_l; do [ \"$tc_l\" = ").append(stdinSentinel())
          .append(" ] && break; done\n");
      for (String var : secretVars.values()) {
        text.append("IFS= read -r ").append(var).append('\n');
      }
    }
    text.append("tc_rc=0\n");
    text.append("tc_b='\\n@@tc:").append(nonce).append(":b:%s\\n'\n");
    text.append("tc_e='\\n@@tc:").append(nonce).append(":e:%s:%s\\n'\n");
    text.append("tc_begin() { printf \"$tc_b\" \"$1\"; printf \"$tc_b\" \"$1\" >&2; }\n");
    text.append("tc_end() { printf \"$tc_e\" \"$tc_rc\" \"$1\"; printf \"$tc_e\" \"$tc_rc\" \"$1\" >&2; }\n");
    text.append(String.join("\n", body)).append('\n');
    return new RemoteScript(text.toString(), List.copyOf(secretVars.keySet()), timeout, nonce);
  }
}
