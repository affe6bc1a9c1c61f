package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterpreterTest {

  private final FakeMachine machine = FakeMachine.standard("mac-test");

  private ShellRun run(String script) {
    return ShellRun.run(machine, script);
  }

  private ShellRun run(String script, String stdin) {
    return ShellRun.run(machine, "admin", script, stdin);
  }

  @Test
  void quotingKeepsWordsTogether() {
    ShellRun r = run("x=world; args 'a  b' \"c $x\" d\\ e 'it'\\''s' \"q\\\"\\$x\" ''");
    assertThat(r.out()).isEqualTo("<a  b>\n<c world>\n<d e>\n<it's>\n<q\"$x>\n<>\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void aProgramClosingItsStreamsWritesNoMoreAndLeavesTheShellsOpenForTheNext() {
    machine.program("closer", (ctx, args) -> {
      ctx.stdout().print("one ");
      ctx.stdout().close();
      ctx.stderr().close();
      ctx.stdout().print("lost");
      return ctx.stdout().checkError() ? 3 : 0;
    });
    machine.program("clean", (ctx, args) -> {
      ctx.stdout().println(ctx.stdout().checkError() ? "error left over" : "two");
      ctx.stderr().println("err");
      return 0;
    });
    ShellRun r = run("closer; echo \"rc=$?\"; clean; closer; clean | cat");
    assertThat(r.out()).isEqualTo("one rc=3\ntwo\none two\n");
    assertThat(r.err()).isEqualTo("err\nerr\n");
  }

  @Test
  void singleQuotesKeepDollarsAndBackslashes() {
    assertThat(run("args '$x \\n ${y}'").out()).isEqualTo("<$x \\n ${y}>\n");
  }

  @Test
  void bracesAndSpecialParameters() {
    ShellRun r = run("v=1; echo \"${v}x $v\"; false; echo $?; true; echo $?");
    assertThat(r.out()).isEqualTo("1x 1\n1\n0\n");
  }

  @Test
  void unsetVariablesExpandToNothing() {
    assertThat(run("args $nothing \"$nothing\" a$nothing").out()).isEqualTo("<>\n<a>\n");
  }

  @Test
  void unquotedExpansionsAreSplitOnIfs() {
    ShellRun r = run("x='  a  b\tc\n'; args $x; args \"$x\"");
    assertThat(r.out()).isEqualTo("<a>\n<b>\n<c>\n<  a  b\tc\n>\n");
  }

  @Test
  void nonWhitespaceIfsDelimitsEmptyFields() {
    ShellRun r = run("IFS=:; x='a::b:'; args $x; y=' p : q '; IFS=' :'; args $y");
    assertThat(r.out()).isEqualTo("<a>\n<>\n<b>\n<p>\n<q>\n");
  }

  @Test
  void emptyIfsDoesNotSplit() {
    assertThat(run("IFS=; x='a b'; args $x").out()).isEqualTo("<a b>\n");
  }

  @Test
  void literalTextIsNeverSplit() {
    assertThat(run("IFS=a; args banana").out()).isEqualTo("<banana>\n");
  }

  @Test
  void commandSubstitutionStripsTrailingNewlines() {
    ShellRun r = run("x=$(printf 'a\\n\\nb\\n\\n\\n'); args \"$x\" \"$(echo \"$(echo nested)\")\"");
    assertThat(r.out()).isEqualTo("<a\n\nb>\n<nested>\n");
  }

  @Test
  void commandSubstitutionSetsStatusOfAssignment() {
    assertThat(run("x=$(fail 3 2>/dev/null); echo $?").out()).isEqualTo("3\n");
    assertThat(run("x=$(true); echo \"$x$?\"").out()).isEqualTo("0\n");
  }

  @Test
  void commandSubstitutionRunsInASubshell() {
    assertThat(run("x=1; y=$(x=2; echo $x); echo $x $y").out()).isEqualTo("1 2\n");
  }

  @Test
  void unquotedCommandSubstitutionIsSplit() {
    assertThat(run("for w in $(printf 'a b\\nc'); do echo \"[$w]\"; done").out()).isEqualTo("[a]\n[b]\n[c]\n");
  }

  @Test
  void prefixAssignmentsAreTemporary() {
    ShellRun r = run("IFS=x; IFS= read -r line; args \"$line\"; args a${IFS}b", "  two  words  \n");
    assertThat(r.out()).isEqualTo("<  two  words  >\n<a>\n<b>\n");
  }

  @Test
  void prefixAssignmentsReachProgramsButNotTheShell() {
    ShellRun r = run("FOO=bar env; echo \"[$FOO]\"");
    assertThat(r.out()).contains("FOO=bar\n").endsWith("[]\n");
  }

  @Test
  void exportedVariablesReachPrograms() {
    ShellRun r = run("A=1; B=2; export A; export C=3; env; echo --; unset A; env");
    String before = r.out().substring(0, r.out().indexOf("--"));
    String after = r.out().substring(r.out().indexOf("--"));
    assertThat(before).contains("A=1", "C=3", "HOME=/Users/admin", "USER=admin", "PATH=/usr/bin:/bin:/usr/sbin:/sbin")
        .doesNotContain("B=2");
    assertThat(after).contains("C=3").doesNotContain("A=1");
  }

  @Test
  void listsAndOrAndNegation() {
    ShellRun r = run("true && echo a || echo b; false && echo c || echo d; ! false && echo e; ! true; echo $?\n"
        + "false || false || echo f");
    assertThat(r.out()).isEqualTo("a\nd\ne\n1\nf\n");
  }

  @Test
  void newlinesSeparateCommandsAndContinueAfterOperators() {
    ShellRun r = run("echo a\n\necho b &&\n echo c |\n cat\n# a comment\necho d # trailing");
    assertThat(r.out()).isEqualTo("a\nb\nc\nd\n");
  }

  @Test
  void pipelineFeedsEachStageToTheNext() {
    ShellRun r = run("printf 'one\\ntwo\\n' | cat | while read -r l; do echo \"got $l\"; done");
    assertThat(r.out()).isEqualTo("got one\ngot two\n");
  }

  @Test
  void pipelineStagesAreSubshells() {
    ShellRun r = run("n=0; printf 'a\\nb\\n' | while read -r l; do n=1; exit 4; done; echo \"$? $n\"");
    assertThat(r.out()).isEqualTo("4 0\n");
  }

  @Test
  void pipelineStatusIsTheLastStage() {
    assertThat(run("fail 2>/dev/null | true; echo $?; true | fail 5 2>/dev/null; echo $?").out())
        .isEqualTo("0\n5\n");
  }

  @Test
  void dsclStyleLoopSelectsHumanAccounts() {
    ShellRun r = run("users | while read -r tc_n tc_id; do if [ \"$tc_id\" -ge 500 ]; then echo \"$tc_n\"; fi; done");
    assertThat(r.out()).isEqualTo("admin\nbob\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void ifElifElse() {
    String script = "for v in 1 2 3; do if [ $v = 1 ]; then echo one; elif [ $v = 2 ]; then echo two; else echo other; fi; done";
    assertThat(run(script).out()).isEqualTo("one\ntwo\nother\n");
    assertThat(run("if false; then echo x; fi; echo $?").out()).isEqualTo("0\n");
  }

  @Test
  void forLoopsOverFieldsAndKeepsTheLastValue() {
    ShellRun r = run("for tc_n in alice bob; do echo \"user $tc_n\"; done; echo $tc_n\nfor x in; do echo no; done");
    assertThat(r.out()).isEqualTo("user alice\nuser bob\nbob\n");
  }

  @Test
  void whileAndUntilLoops() {
    ShellRun r = run("while read -r l; do echo \"$l\"; done; i=; until [ \"$i\" = xxx ]; do i=x$i; done; echo $i",
        "a\nb\nlast-without-newline");
    assertThat(r.out()).isEqualTo("a\nb\nxxx\n");
  }

  @Test
  void breakAndContinue() {
    ShellRun r = run("for a in 1 2 3; do for b in x y; do [ $b = y ] && continue 2; [ $a = 3 ] && break 2; echo $a$b; done; done\n"
        + "while true; do break; done; echo out");
    assertThat(r.out()).isEqualTo("1x\n2x\nout\n");
  }

  @Test
  void sentinelPreambleSkipsLinesUntilTheSentinel() {
    ShellRun r = run("while IFS= read -r tc_l; do [ \"$tc_l\" = @@tc-stdin-ab12 ] && break; done\n"
        + "IFS= read -r tc_s1\nIFS= read -r tc_s2\nargs \"$tc_s1\" \"$tc_s2\"",
        "sudo-pw\n@@tc-stdin-ab12\n s3cret with  spaces \nsecond\n");
    assertThat(r.out()).isEqualTo("< s3cret with  spaces >\n<second>\n");
  }

  @Test
  void braceGroupsShareRedirections() {
    ShellRun r = run("{ echo a; echo b >&2; } 2>&1 >/tmp/g; cat /tmp/g; { echo c; echo d >&2; } >&2");
    assertThat(r.out()).isEqualTo("b\na\n");
    assertThat(r.err()).isEqualTo("c\nd\n");
  }

  @Test
  void outputRedirectionsWriteMachineFiles() {
    ShellRun r = run("echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; printf x > rel");
    assertThat(r.out()).isEqualTo("one\ntwo\n");
    assertThat(machine.files()).containsEntry("/tmp/f", "one\ntwo\n").containsEntry("/Users/admin/rel", "x");
  }

  @Test
  void descriptorDuplication() {
    ShellRun r = run("fail 2>&1; echo e1 >&2; echo e2 1>&2; fail 2>/dev/null; echo gone >/dev/null");
    assertThat(r.out()).isEqualTo("failing\n");
    assertThat(r.err()).isEqualTo("e1\ne2\n");
  }

  @Test
  void redirectionOrderMatters() {
    ShellRun r = run("fail 2>&1 >/dev/null");
    assertThat(r.out()).isEqualTo("failing\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void missingInputFileFailsTheCommandOnly() {
    ShellRun r = run("cat < /nope; echo $?");
    assertThat(r.out()).isEqualTo("1\n");
    assertThat(r.err()).isEqualTo("sh: /nope: No such file or directory\n");
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void writingToADirectoryFails() {
    ShellRun r = run("echo x > /tmp; echo $?");
    assertThat(r.out()).isEqualTo("1\n");
    assertThat(r.err()).isEqualTo("sh: /tmp: Is a directory\n");
  }

  @Test
  void programsResolveByNameAndAbsolutePath() {
    ShellRun r = run("whoami; /usr/bin/whoami");
    assertThat(r.out()).isEqualTo("admin\nadmin\n");
  }

  @Test
  void unknownCommandsExit127() {
    ShellRun r = run("nosuchtool -x; echo $?");
    assertThat(r.out()).isEqualTo("127\n");
    assertThat(r.err()).isEqualTo("sh: nosuchtool: command not found\n");
  }

  @Test
  void programsGetTheShellsStdin() {
    ShellRun r = run("IFS= read -r first; swallow", "first\nrest of it\n");
    assertThat(r.out()).isEqualTo("11\n");
    assertThat(machine.runs().get(0).stdin()).isEqualTo("rest of it\n");
  }

  @Test
  void printfPipesASecretToAProgramsStdin() {
    ShellRun r = run("IFS= read -r tc_s1; printf '%s' \"$tc_s1\" | cat", "pa ss\n");
    assertThat(r.out()).isEqualTo("pa ss");
  }

  @Test
  void exitStopsTheScript() {
    ShellRun r = run("echo a; exit 3; echo b");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("a\n");
    assertThat(run("false; exit").status()).isEqualTo(1);
  }

  @Test
  void statusIsTheLastCommands() {
    assertThat(run("true; fail 7 2>/dev/null").status()).isEqualTo(7);
    assertThat(run("").status()).isZero();
    assertThat(run("x=1").status()).isZero();
  }

  @Test
  void stopOnFailureIdiom() {
    ShellRun r = run("fail 4 2>/dev/null; tc_rc=$?\n[ \"$tc_rc\" -eq 0 ] || exit \"$tc_rc\"\necho unreachable");
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fileTests() {
    machine.file("/tmp/full", "x").file("/tmp/empty", "");
    String script = "for p in /tmp/full /tmp/empty /tmp /tmp/none; do "
        + "[ -f \"$p\" ] && printf f; [ -e \"$p\" ] && printf e; [ -d \"$p\" ] && printf d; [ -s \"$p\" ] && printf s; "
        + "[ ! -f \"$p\" ] && printf '!'; echo \" $p\"; done";
    assertThat(run(script).out()).isEqualTo("fes /tmp/full\nfe /tmp/empty\neds! /tmp\n! /tmp/none\n");
  }

  @Test
  void aFunctionRunsMachineProgramsWithItsArgumentsAndIsNoProgramItself() {
    ShellRun r = run("f() { args \"$1\" \"$#\"; }; f 'a b' c; f");
    assertThat(r.out()).isEqualTo("<a b>\n<2>\n<>\n<0>\n");
    assertThat(machine.runs()).extracting(run -> run.commandLine().get(0)).containsExactly("args", "args");
  }

  @Test
  void aFunctionThatNeverStopsCallingItselfEndsTheShell() {
    ShellRun r = run("f() { f; }; f; echo not-here");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("sh: f: maximum function nesting level exceeded (" + Shell.MAX_FUNCTION_DEPTH
        + ")\n");
  }

  @Test
  void aFunctionDefinedInASubshellStaysThere() {
    ShellRun r = run("x=$(f() { echo in; }; f); echo \"[$x]\"; f");
    assertThat(r.out()).isEqualTo("[in]\n");
    assertThat(r.status()).isEqualTo(127);
    assertThat(r.err()).isEqualTo("sh: f: command not found\n");
  }
}
