package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SudoTest {

  private final FakeMachine machine = FakeMachine.standard("mac-test");

  @Test
  void rightPasswordRunsTheCommandAsRootAndLeavesTheRestOfStdin() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' sh -c 'whoami; IFS= read -r l; echo \"next: $l\"; cat'",
        "adminpw\nline two\nrest\n");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("root\nnext: line two\nrest\n");
    assertThat(r.err()).isEmpty();
    assertThat(machine.runs()).extracting(FakeMachine.Run::user).containsOnly("root");
  }

  @Test
  void programsRunAsRootWithSudoEnvironment() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' env", "adminpw\n");
    assertThat(r.out()).contains("USER=root\n", "SUDO_USER=admin\n", "LOGNAME=root\n");
  }

  @Test
  void promptGoesToStderr() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S whoami", "adminpw\n");
    assertThat(r.err()).isEqualTo("Password:");
    assertThat(r.out()).isEqualTo("root\n");
  }

  @Test
  void wrongPasswordsAreRefusedLikeRealSudo_threeAttemptsReadingStdinLines() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' whoami; echo \"rc=$?\"; cat",
        "wrong\nmore\nthird\nleft for the next command\n");
    assertThat(r.out()).isEqualTo("rc=1\nleft for the next command\n");
    assertThat(r.err()).isEqualTo("Sorry, try again.\nSorry, try again.\nsudo: 3 incorrect password attempts\n");
    assertThat(machine.runs()).as("whoami never ran; cat got the fourth line").singleElement()
        .satisfies(run -> assertThat(run.commandLine()).containsExactly("cat"));
  }

  @Test
  void aWrongPasswordThenEndOfInput_isCountedAsDebiansSudoCountsIt() {
    ShellRun one = ShellRun.run(machine, "admin", "sudo -S -p '' whoami", "wrong\n");
    assertThat(one.status()).isEqualTo(1);
    assertThat(one.err()).isEqualTo("Sorry, try again.\n\nsudo: no password was provided\n"
        + "sudo: 1 incorrect password attempt\n");
    ShellRun two = ShellRun.run(machine, "admin", "sudo -S -p '' whoami", "wrong\nagain\n");
    assertThat(two.err()).endsWith("sudo: 2 incorrect password attempts\n");
  }

  @Test
  void theRightPasswordOnTheSecondAttempt_runsTheCommand() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' sh -c 'whoami; cat'", "wrong\nadminpw\nrest\n");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("root\nrest\n");
    assertThat(r.err()).isEqualTo("Sorry, try again.\n");
  }

  @Test
  void nonAdminsAreNotInSudoers() {
    ShellRun r = ShellRun.run(machine, "bob", "sudo -S -p '' whoami", "bobpw\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("bob is not in the sudoers file.\n");
    assertThat(machine.runs()).isEmpty();
  }

  @Test
  void nonInteractiveNeedsAPassword() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -n whoami", "adminpw\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("sudo: a password is required\n");
  }

  @Test
  void withoutDashSThereIsNoTerminal() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo whoami", "adminpw\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("sudo: a terminal is required to read the password")
        .endsWith("sudo: a password is required\n");
  }

  @Test
  void emptyStdinProvidesNoPassword() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' whoami", "");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("\nsudo: no password was provided\nsudo: a password is required\n");
  }

  @Test
  void rootNeedsNoPassword() {
    ShellRun r = ShellRun.run(machine, "root", "sudo -S -p '' sh -c 'read -r l; echo \"$l\"'", "not-a-password\n");
    assertThat(r.out()).isEqualTo("not-a-password\n");
  }

  @Test
  void sudoUnderSudoNeedsNoSecondPassword() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' sh -c 'sudo -n whoami'", "adminpw\n");
    assertThat(r.out()).isEqualTo("root\n");
  }

  @Test
  void combinedFlagsAndUserRoot() {
    ShellRun r = ShellRun.run(machine, "admin", "/usr/bin/sudo -Sp '' -u root -- whoami", "adminpw\n");
    assertThat(r.out()).isEqualTo("root\n");
  }

  @Test
  void otherTargetUsersAreUnsupported() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -u bob whoami", "adminpw\n");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("sh: unsupported: sudo -u bob");
  }

  @Test
  void shellOnlyBuiltinsAreNotCommandsForSudo() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' read x", "adminpw\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("sudo: read: command not found\n");
  }

  @Test
  void unknownProgram() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' nosuch", "adminpw\n");
    assertThat(r.err()).isEqualTo("sudo: nosuch: command not found\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void printfRunsUnderSudo() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' printf '%s\\n' hi", "adminpw\n");
    assertThat(r.out()).isEqualTo("hi\n");
  }
}
