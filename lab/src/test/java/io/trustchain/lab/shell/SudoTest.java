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
  void wrongPasswordIsRefusedLikeRealSudo() {
    ShellRun r = ShellRun.run(machine, "admin", "sudo -S -p '' whoami; echo \"rc=$?\"", "wrong\nmore\n");
    assertThat(r.out()).isEqualTo("rc=1\n");
    assertThat(r.err()).isEqualTo("Sorry, try again.\nsudo: 1 incorrect password attempt\n");
    assertThat(machine.runs()).isEmpty();
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
    assertThat(r.err()).startsWith("sudo: no password was provided\n");
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
