package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts that use only builtins give the same stdout and status as {@code bash --posix} (what a
 * Mac's {@code /bin/sh} is), with the same stdin.
 */
class BashParityTest {

  private static final String STDIN = "  one  two   three \nx::y:z\nback\\slash\\\ncontinued\nlast";

  @ParameterizedTest
  @ValueSource(strings = {
      "x='  a  b\tc  '; for w in $x; do printf '<%s>' \"$w\"; done; echo",
      "IFS=:; x='a::b:'; for w in $x; do printf '<%s>' \"$w\"; done; echo",
      "IFS=' :'; x=' p : q :: r '; for w in $x; do printf '<%s>' \"$w\"; done; echo",
      "x=''; for w in $x \"$x\" a$x; do printf '<%s>' \"$w\"; done; echo",
      "read -r a b; printf '<%s>' \"$a\" \"$b\"; IFS=: read -r c d e; printf '<%s>' \"$c\" \"$d\" \"$e\"; echo",
      "read -r a; read b; read c; printf '<%s>' \"$a\" \"$b\" \"$c\"; echo",
      "while read -r l; do printf '[%s]' \"$l\"; done; echo \" rc=$? l=$l\"",
      "IFS= read -r l; printf '<%s>\\n' \"$l\"",
      "read -r a b c d e f g; printf '<%s>' \"$a\" \"$b\" \"$c\" \"$d\"; echo",
      "printf '%s-%s\\n' a b c; printf '%d|%5s|%-4s|%03d|%b\\n' -12 ab cd 7 'x\\ty'",
      "printf '%s\\n' $(printf 'a\\nb\\n\\n')",
      "x=$(printf 'keep\\n\\n\\n'); printf '[%s]\\n' \"$x\"",
      "for a in 1 2 3; do for b in x y z; do [ $b = y ] && continue; [ $a = 2 ] && break 2; printf '%s%s ' $a $b; done; done; echo",
      "[ -2 -lt 500 ]; echo $?; [ 3 -ge 3 ]; echo $?; [ ! a = b ]; echo $?; [ -n '' ]; echo $?; [ -z '' ]; echo $?",
      "[ abc -eq 1 ] 2>/dev/null; echo $?; [ a = ] 2>/dev/null; echo $?",
      "true && false || echo one; ! true || echo two; false; echo $?",
      "if false; then echo a; elif true; then echo b; else echo c; fi; echo $?",
      "n=0; printf 'a\\nb\\n' | while read -r l; do n=$l; done; echo \"[$n]\"",
      "i=; until [ \"$i\" = xxx ]; do i=x$i; done; echo $i",
      "sh -c 'echo \"$0:$#:$1:$2\"' name 'a b' c",
      "v=1; { v=2; echo in; }; echo $v",
      "echo a; exit 3; echo b",
      "f=$(exit 4); echo $?",
      "x=a; x=${x}b\"c\"'d'; echo $x",
      "tc_rc=0; false; tc_rc=$?; [ \"$tc_rc\" -eq 0 ] || exit \"$tc_rc\"; echo not-here",
      "printf '\\n@@tc:n:b:%s\\n' k; printf 'x\\n@@tc:n:e:%s:%s\\n' \"$?\" k >&2",
      "tc_rc=0; tc_b='\\n@@tc:n:b:%s\\n'; tc_e='\\n@@tc:n:e:%s:%s\\n'; printf \"$tc_b\" k; printf \"$tc_b\" k >&2\n"
          + "false; tc_rc=$?\nprintf \"$tc_e\" \"$tc_rc\" \"user:$tc_rc\"; printf \"$tc_e\" \"$tc_rc\" k >&2",
      // functions: arguments, the caller's parameters back after, status, redirections at the call, nesting
      "f() { echo \"$#:$1:$2:$3\"; }; f a 'b c'; f; echo \"$#:$1\"",
      "f() { false; }; f; echo $?; g() { f; true; }; g; echo $?",
      "g() { echo out; echo err >&2; } >&2; g 2>/dev/null; echo; g",
      "f() {\n  printf '<%s>' \"$1\"\n}\nfor x in 1 2; do f $x; done; echo",
      "x=1; f() { echo \"in:$x\"; x=2; }; x=5 f; echo \"out:$x\"; f; echo \"now:$x\"",
      "f() { break; echo still; }; for i in 1 2; do echo $i; f; done; echo rc=$?",
      "f() { exit 7; }; f; echo not-here",
      "printf() { echo mine; }; printf x; echo",
      "f() { echo one; }; f() { echo two; }; f",
      "f() { echo \"$1\"; }; printf 'a\\nb\\n' | while read -r l; do f \"$l\"; done",
      "f() { echo in-f; }; x=$(f); echo \"[$x]\"; sh -c 'f' 2>/dev/null; echo \"sh:$?\"",
      "f() { [ \"$1\" = stop ] || { printf '%s ' \"$1\"; f stop; }; }; f go; echo",
  })
  void sameAsBashPosix(String script) throws Exception {
    ShellRun lab = ShellRun.run(FakeMachine.standard("m"), "admin", script, STDIN);
    Process bash = new ProcessBuilder("bash", "--posix", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = bash.getOutputStream()) {
      in.write(STDIN.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // bash may exit without reading all of stdin
    }
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(lab.out()).as("stdout").isEqualTo(out);
    assertThat(lab.status()).as("status").isEqualTo(bash.exitValue());
  }
}
