package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinsTest {

  private final FakeMachine machine = FakeMachine.standard("mac-test");

  private ShellRun run(String script) {
    return ShellRun.run(machine, script);
  }

  @Test
  void echoJoinsArgumentsAndTakesDashN() {
    assertThat(run("echo a  b 'c  d'; echo -n x; echo; echo -- -n").out()).isEqualTo("a b c  d\nx\n-- -n\n");
  }

  @Test
  void printfConversionsAndEscapes() {
    ShellRun r = run("printf '%s|%d|%b|%%|%c\\n' str -42 'x\\ty' word; printf 'a\\tb\\\\c\\101\\n'");
    assertThat(r.out()).isEqualTo("str|-42|x\ty|%|w\na\tb\\cA\n");
  }

  @Test
  void printfReusesTheFormatForExtraArguments() {
    assertThat(run("printf '%s=%s\\n' a 1 b 2 c").out()).isEqualTo("a=1\nb=2\nc=\n");
    assertThat(run("printf 'once\\n' extra").out()).isEqualTo("once\n");
  }

  @Test
  void printfMarkerFormatOfTheScriptBuilder() {
    ShellRun r = run("tc_rc=3; printf '\\n@@tc:abc:e:%s:%s\\n' \"$tc_rc\" key");
    assertThat(r.out()).isEqualTo("\n@@tc:abc:e:3:key\n");
  }

  @Test
  void printfWidthsAndFlags() {
    assertThat(run("printf '[%5s][%-5s][%05d][%+d][%.2s][%x]' ab ab 42 7 abcdef 255").out())
        .isEqualTo("[   ab][ab   ][00042][+7][ab][ff]");
  }

  @Test
  void printfInvalidNumberPrintsZeroAndFails() {
    ShellRun r = run("printf '%d\\n' abc; echo $?");
    assertThat(r.out()).isEqualTo("0\n1\n");
    assertThat(r.err()).isEqualTo("sh: printf: abc: invalid number\n");
  }

  @Test
  void printfBackslashCStopsOutput() {
    assertThat(run("printf '%b-%s' 'a\\cb' more").out()).isEqualTo("a");
  }

  @Test
  void printfWithoutFormatIsAUsageError() {
    ShellRun r = run("printf");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("usage");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '§', textBlock = """
      test                      => 1
      test x                    => 0
      test ''                   => 1
      [ -n x ]                  => 0
      [ -n '' ]                 => 1
      [ -z '' ]                 => 0
      [ -z x ]                  => 1
      [ a = a ]                 => 0
      [ a = b ]                 => 1
      [ a != b ]                => 0
      [ 5 -eq 5 ]               => 0
      [ 5 -ne 5 ]               => 1
      [ -2 -lt 500 ]            => 0
      [ -2 -ge 500 ]            => 1
      [ 501 -ge 500 ]           => 0
      [ 500 -gt 500 ]           => 1
      [ 499 -le 500 ]           => 0
      [ ' 7 ' -eq 7 ]           => 0
      [ ! -n '' ]               => 0
      [ ! a = a ]               => 1
      [ ! ]                     => 0
      [ -n ]                    => 0
      [ = ]                     => 0
      [ abc -eq 1 ]             => 2
      [ 1 -eq ]                 => 2
      [ a b ]                   => 2
      [ a b c d e ]             => 2
      [ x                       => 2
      """)
  void testExpressions(String expression, int status) {
    assertThat(run(expression).status()).isEqualTo(status);
  }

  @Test
  void testErrorsAreWorded() {
    assertThat(run("[ abc -eq 1 ]").err()).isEqualTo("sh: [: abc: integer expression expected\n");
    assertThat(run("[ x").err()).isEqualTo("sh: [: missing `]'\n");
    assertThat(run("test a b").err()).isEqualTo("sh: test: a: unary operator expected\n");
  }

  @Test
  void readSplitsOnIfsAndTheLastNameTakesTheRest() {
    ShellRun r = ShellRun.run(machine, "admin",
        "read -r a b; args \"$a\" \"$b\"; read -r c; args \"$c\"; IFS=: read -r d e f; args \"$d\" \"$e\" \"$f\"",
        "  one   two  three  \n  padded  \nx::y:z\n");
    assertThat(r.out()).isEqualTo("<one>\n<two  three>\n<padded>\n<x>\n<>\n<y:z>\n");
  }

  @Test
  void readWithoutRawRemovesBackslashesAndJoinsLines() {
    ShellRun r = ShellRun.run(machine, "admin", "read a; args \"$a\"; read -r b; args \"$b\"",
        "a\\ b\\\nc\nraw\\n\n");
    assertThat(r.out()).isEqualTo("<a bc>\n<raw\\n>\n");
  }

  @Test
  void readExitsOneAtEndOfInputButSetsWhatItRead() {
    ShellRun r = ShellRun.run(machine, "admin", "read -r a; echo \"$? $a\"; read -r b; echo \"$? [$b]\"", "partial");
    assertThat(r.out()).isEqualTo("1 partial\n1 []\n");
  }

  @Test
  void readWithoutNamesSetsReply() {
    assertThat(ShellRun.run(machine, "admin", "read; echo \"$REPLY\"", "line\n").out()).isEqualTo("line\n");
  }

  @Test
  void exitInsideConditionsAndLoops() {
    ShellRun r = run("for x in a b; do if [ $x = b ]; then exit 9; fi; echo $x; done; echo no");
    assertThat(r.status()).isEqualTo(9);
    assertThat(r.out()).isEqualTo("a\n");
  }

  @Test
  void exitWithBadNumber() {
    ShellRun r = run("exit abc");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sh: exit: abc: numeric argument required\n");
  }

  @Test
  void colonTrueFalse() {
    assertThat(run(":; echo $?; false; echo $?; true; echo $?").out()).isEqualTo("0\n1\n0\n");
  }

  @Test
  void shDashCTakesNameAndArguments() {
    ShellRun r = run("sh -c 'echo \"$0 $# $1 $2\"; exit 4' myname a 'b c'; echo $?");
    assertThat(r.out()).isEqualTo("myname 2 a b c\n4\n");
  }

  @Test
  void shDashCSeesOnlyExportedVariables() {
    ShellRun r = run("local_var=1; export EXP=2; /bin/sh -c 'echo \"[$local_var][$EXP]\"'");
    assertThat(r.out()).isEqualTo("[][2]\n");
  }

  @Test
  void shDashCReadsTheSameStdin() {
    ShellRun r = ShellRun.run(machine, "admin", "read -r a; sh -c 'read -r b; echo \"$b\"'; read -r c; echo \"$a$c\"",
        "1\n2\n3\n");
    assertThat(r.out()).isEqualTo("2\n13\n");
  }

  @Test
  void breakOutsideALoopIsHarmless() {
    ShellRun r = run("break; echo after");
    assertThat(r.out()).isEqualTo("after\n");
    assertThat(r.err()).contains("only meaningful");
  }

  @Test
  void exportAndUnsetValidateNames() {
    ShellRun r = run("export 1x; echo $?; unset 'a b'; echo $?");
    assertThat(r.out()).isEqualTo("1\n1\n");
    assertThat(r.err()).contains("`1x': not a valid identifier", "`a b': not a valid identifier");
  }
}
