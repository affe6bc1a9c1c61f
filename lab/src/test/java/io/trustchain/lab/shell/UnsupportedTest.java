package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Constructs outside the subset fail loudly, before anything in the script has run. */
class UnsupportedTest {

  private final FakeMachine machine = FakeMachine.standard("mac-test");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '§', textBlock = """
      case $x in a) echo a;; esac => case … esac
      cat <<EOF => here-document <<
      cat <<< hi => here-string <<<
      echo `whoami` => backtick command substitution
      echo "`whoami`" => backtick command substitution
      sleep 1 & => background job &
      echo $((1 + 2)) => arithmetic expansion $((…))
      function f { echo hi; } => function definitions
      ls *.plist => the glob character *
      ls file? => the glob character ?
      ls [ab]c => the glob pattern [...]
      echo ~/x => tilde expansion
      (echo sub) => subshell ( … )
      echo ${x:-default} => the parameter expansion ${x:-default}
      echo ${#x} => the parameter expansion ${#x}
      echo "$@" => the special parameter $@
      echo $$ => the special parameter $$
      echo $'a\\n' => the quoting $'…'
      [[ -n x ]] => [[ … ]]
      eval echo hi => the builtin eval
      set -e => the builtin set
      cd /tmp => the builtin cd
      . /etc/profile => the builtin .
      echo hi >| /tmp/x => the redirection >|
      cat <> /tmp/x => the redirection <>
      cat 0<&3 => the redirection <&
      echo hi 3>/tmp/x => the file descriptor 3
      echo hi >&3 => the redirection >&3
      echo hi >&- => the redirection >&-
      echo hi &> /tmp/x => the redirection &>
      echo hi |& cat => the pipe |&
      for x; do echo $x; done => for without in
      select x in a b; do echo; done => select loops
      """)
  void refusedBeforeRunning(String construct, String named) {
    ShellRun r = ShellRun.run(machine, "args ran\n" + construct);
    assertThat(r.status()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("sh: unsupported: " + named)
        .endsWith(" (the lab runs the POSIX sh subset the engine emits)\n");
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void nestedShScriptIsParsedWholeBeforeRunning() {
    ShellRun r = ShellRun.run(machine, "sh -c 'args ran; case x in x) ;; esac'; echo \"outer $?\"");
    assertThat(r.out()).isEqualTo("outer 2\n");
    assertThat(r.err()).startsWith("sh: unsupported: case … esac, line 1");
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void unsupportedInsideCommandSubstitutionIsFoundFirst() {
    ShellRun r = ShellRun.run(machine, "args ran; x=$(echo $((1)))");
    assertThat(r.status()).isEqualTo(2);
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void unsupportedRuntimeOptionsFailLoudly() {
    assertThat(ShellRun.run(machine, "read -p prompt x").err())
        .isEqualTo("sh: unsupported: read -p (the lab runs the POSIX sh subset the engine emits)\n");
    assertThat(ShellRun.run(machine, "[ -x /bin/sh ]").err())
        .isEqualTo("sh: unsupported: [ operator -x (the lab runs the POSIX sh subset the engine emits)\n");
    assertThat(ShellRun.run(machine, "sh -e -c true").status()).isEqualTo(2);
    assertThat(ShellRun.run(machine, "printf '%q' x").err())
        .isEqualTo("sh: unsupported: the printf conversion %q (the lab runs the POSIX sh subset the engine emits)\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '§', textBlock = """
      if true; then echo x => sh: line 1: syntax error: unexpected end of file while looking for `fi'
      echo 'open => sh: line 1: syntax error: unexpected end of file while looking for matching `''
      echo "open => sh: line 1: syntax error: unexpected end of file while looking for matching `"' (opened on line 1)
      fi => sh: line 1: syntax error near unexpected token `fi'
      echo a;; echo b => sh: line 1: syntax error near unexpected token `;;'
      && echo => sh: line 1: syntax error near unexpected token `&&'
      if then fi => sh: line 1: syntax error near unexpected token `then'
      echo $(true => sh: line 1: syntax error: unexpected end of file while looking for matching `)'
      echo > => sh: line 1: syntax error: unexpected end of file
      while true; do done => sh: line 1: syntax error near unexpected token `done'
      f() echo hi => sh: line 1: syntax error near unexpected token `echo'
      a=1 f() { echo hi; } => sh: line 1: syntax error near unexpected token `('
      f( { echo hi; } => sh: line 1: syntax error near unexpected token `{'
      f() => sh: line 1: syntax error: unexpected end of file while looking for a compound command
      exit() { echo hi; } => sh: line 1: `exit': is a special builtin
      """)
  void syntaxErrorsAreReportedLikeSh(String script, String message) {
    ShellRun r = ShellRun.run(machine, script);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  @Test
  void checkReportsWithoutRunning() {
    assertThat(Interpreter.check("echo ok | cat")).isEmpty();
    assertThat(Interpreter.check("echo\ncase")).hasValueSatisfying(m -> assertThat(m).contains("line 2"));
  }
}
