package io.trustchain.transport.ssh;

import io.trustchain.transport.ShellQuote;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Mac ends what trustchain started: every exec's script runs under a small Perl program that puts it in a
 * process group of its own and, when it outlives its timeout, kills that whole group and says whether it is
 * gone. Closing the SSH channel is not enough: sshd does not signal a command without a terminal when its
 * channel closes, so a hung {@code sysadminctl} would run on after the apply lock was released.
 *
 * <p>Why Perl: macOS has no {@code setsid} or {@code timeout} command, and {@code /bin/sh}'s job control
 * ({@code set -m}) cannot be relied on without a terminal; {@code /usr/bin/perl} ships with every macOS
 * release trustchain supports (10.13 to 26), and its core functions do exactly this. Sources (perldoc):
 * {@code perlfunc alarm} ("If you want to use alarm to time out a system call you need to use an eval/die
 * pair"), {@code perlfunc kill} (a negative signal, or {@code kill 0} on a negative pid, addresses a process
 * group), {@code perlfunc setpgrp}; POSIX kill(2) for a negative pid.
 *
 * <p>Wire format: {@code perl -e PROGRAM NONCE SECONDS sh -c TEXT}. The script's own exit status when it ends
 * in time; else SIGKILL to its group, then up to 3 s for the group to vanish (a zombie counts until its new
 * parent reaps it), then one line on both streams, {@code @@tc:NONCE:w:dead:PGID} (exit 124) or
 * {@code @@tc:NONCE:w:alive:PGID} (exit 125, a process that survived SIGKILL, e.g. stuck in the kernel). The program holds no secret; the lab runs only this program
 * (marked {@value #MARKER}).
 */
final class Watchdog {

  static final String MARKER = "trustchain-watchdog v1";

  /** How much longer than the script's timeout the controller waits for the watchdog's word. */
  static final Duration GRACE = Duration.ofSeconds(5);

  static final String PROGRAM = String.join("\n", List.of(
      "# " + MARKER + ": NONCE SECONDS COMMAND...: COMMAND in a process group of its own, killed after SECONDS",
      "use POSIX ();",
      "my ($n, $t) = splice @ARGV, 0, 2;",
      "my $p = fork;",
      "if (!defined $p) { print STDERR \"trustchain-watchdog: fork: $!\\n\"; exit 126 }",
      "if (!$p) { setpgrp 0, 0; exec { $ARGV[0] } @ARGV;"
          + " print STDERR \"trustchain-watchdog: $ARGV[0]: $!\\n\"; POSIX::_exit(127) }",
      "setpgrp $p, $p;",
      "my $s = eval { local $SIG{ALRM} = sub { die \"alarm\\n\" }; alarm $t; waitpid $p, 0; alarm 0; $? };",
      "exit($s & 127 ? 128 + ($s & 127) : $s >> 8) if defined $s;",
      "kill -9, $p;",
      "waitpid $p, 0;",
      "my $d = 0;",
      "for (1 .. 30) { if (!kill 0, -$p) { $d = 1; last } select undef, undef, undef, 0.1 }",
      "my $w = \"\\n\\@\\@tc:$n:w:\" . ($d ? \"dead\" : \"alive\") . \":$p\\n\";",
      "print STDOUT $w; print STDERR $w;",
      "exit($d ? 124 : 125);"));

  private Watchdog() {}

  /** {@code perl -e PROGRAM NONCE SECONDS} followed by {@code command} (already a sh command line). */
  static String wrap(String nonce, Duration timeout, String command) {
    return "perl -e " + ShellQuote.quote(PROGRAM) + " " + ShellQuote.quote(nonce) + " " + seconds(timeout) + " "
        + command;
  }

  /** The watchdog's whole seconds for {@code timeout}: rounded up, at least 1. */
  static long seconds(Duration timeout) {
    long ms = Math.max(1, timeout.toMillis());
    return (ms + 999) / 1000;
  }

  /** What the watchdog said it did, read from the end of an exec's stdout. */
  record Word(boolean dead, String processGroup) {}

  /** The watchdog's word in {@code stdout} (its last line), when it killed the script. */
  static Optional<Word> read(String stdout, String nonce) {
    String text = stdout.stripTrailing();
    String last = text.substring(text.lastIndexOf('\n') + 1);
    String prefix = "@@tc:" + nonce + ":w:";
    if (!last.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] parts = last.substring(prefix.length()).split(":", 2);
    if (parts.length != 2 || !parts[1].matches("[0-9]+") || !List.of("dead", "alive").contains(parts[0])) {
      return Optional.empty();
    }
    return Optional.of(new Word(parts[0].equals("dead"), parts[1]));
  }
}
