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
 * <p>It also relays the script's output, in few writes. Without it each small write of each tool and each
 * section marker reaches sshd on its own and becomes an SSH packet of its own (a facts answer was about 100 of
 * them, each framed, encrypted, sent, woken up for and decrypted on both sides). The script's stdout and stderr
 * are two pipes the watchdog reads ({@code select}, {@code sysread}); a stream's bytes are written on
 * ({@code syswrite}, all of them) when 32 KiB are waiting, when the oldest has waited 0.1 s (so a slow or hung
 * command's last words still arrive), and when its pipe ends. The order within a stream is kept; between the two
 * streams it never was (SSH carries them apart). SIGPIPE is ignored and a write that fails drops that stream's
 * bytes: a client that left must not end the watchdog before its kill, or a hung {@code sysadminctl} would run on
 * (the script keeps running until it ends or its time is up; its output is read and dropped). Every blocking
 * step, writes included (a client that stops reading fills sshd's window), runs under {@code alarm}.
 *
 * <p>Wire format: {@code perl -e PROGRAM NONCE SECONDS sh -c TEXT}. The script's own exit status (128 + the
 * signal when a signal ended it) once it ended and both its streams closed, in time; else SIGKILL to its group,
 * what is left in the pipes relayed for up to 1 s, up to 3 s from the kill in all for the group to vanish (a
 * zombie counts until its new parent reaps it), then that output and one line on both streams, each written
 * within 1 s: {@code @@tc:NONCE:w:dead:PGID} (exit 124) or {@code @@tc:NONCE:w:alive:PGID} (exit 125, a process
 * that survived SIGKILL, e.g. stuck in the kernel), the last line of stdout ({@link #read}). So the word comes
 * within 3 s of the watchdog's whole seconds, inside {@link #GRACE} to a client that reads. A script that ended
 * but left a background process holding its output open is waited for until the timeout, then killed with it.
 * Perl 5.18 core only (macOS 10.13 ships 5.18). The program holds no secret; the lab runs only this program
 * (marked {@value #MARKER}) and plays its relay.
 */
final class Watchdog {

  static final String MARKER = "trustchain-watchdog v2";

  /** How much longer than the script's timeout the controller waits for the watchdog's word. */
  static final Duration GRACE = Duration.ofSeconds(5);

  /** The program, as a Mac admin reads it in the process list (its first line names it: {@link #MARKER}). */
  static final String PROGRAM = """
      # trustchain-watchdog v2: NONCE SECONDS COMMAND...: COMMAND in a process group of its own, killed after SECONDS;
      # its output relayed in few writes: a stream's bytes go out at 32 KiB, 0.1 s after they came, and when it ends
      use POSIX ();
      use Time::HiRes qw(time);
      my ($nonce, $seconds) = splice @ARGV, 0, 2;
      my ($out, $out_w, $err, $err_w);
      my $pid = pipe($out, $out_w) && pipe($err, $err_w) ? fork : undef;
      if (!defined $pid) { print STDERR "trustchain-watchdog: $!\\n"; exit 126 }
      if (!$pid) {
        setpgrp 0, 0;
        POSIX::dup2(fileno $out_w, 1); POSIX::dup2(fileno $err_w, 2); # Perl's own descriptors close at exec
        exec { $ARGV[0] } @ARGV;
        print STDERR "trustchain-watchdog: $ARGV[0]: $!\\n"; POSIX::_exit(127);
      }
      setpgrp $pid, $pid;
      close $out_w; close $err_w;
      $SIG{PIPE} = "IGNORE"; # a client that left fails a write; it never ends the watchdog before its kill
      my @streams = ({ from => $out, to => \\*STDOUT, buf => "" }, { from => $err, to => \\*STDERR, buf => "" });

      sub put { # writes out a stream's buffer, all of it; a failed write (the client left) drops it
        my $s = shift;
        while (length $s->{buf}) {
          my $n = syswrite $s->{to}, $s->{buf};
          if (!$n) { $s->{buf} = ""; last }
          substr($s->{buf}, 0, $n) = "";
        }
      }

      sub relay { # until both pipes end
        while (my @open = grep { $_->{from} } @streams) {
          my ($bits, $wait) = ("", undef);
          vec($bits, fileno $_->{from}, 1) = 1 for @open;
          for (grep { length $_->{buf} } @streams) {
            my $due = $_->{since} + 0.1 - time;
            $wait = $due < 0 ? 0 : $due if !defined $wait || $due < $wait;
          }
          next if select($bits, undef, undef, $wait) < 0;
          for (@open) {
            next unless vec $bits, fileno $_->{from}, 1;
            if (sysread $_->{from}, my $more, 65536) { $_->{since} = time if !length $_->{buf}; $_->{buf} .= $more }
            else { $_->{from} = undef }
          }
          for (@streams) {
            put($_) if length $_->{buf} >= 32768 || length $_->{buf} && (!$_->{from} || time >= $_->{since} + 0.1);
          }
        }
      }

      sub within { # runs the code, stopped after $limit seconds: what it returned, or nothing then
        my ($limit, $code) = @_;
        eval { local $SIG{ALRM} = sub { die "timeout\\n" }; alarm $limit; my @r = $code->(); alarm 0; @r };
      }

      # its output relayed until both streams end, then its exit status, all within SECONDS
      my ($status) = within($seconds, sub { relay(); waitpid $pid, 0; $? });
      exit($status & 127 ? 128 + ($status & 127) : $status >> 8) if defined $status;
      kill -9, $pid; # SIGKILL to its whole process group
      my $given_up = time + 3; # for the group to vanish
      within(1, sub { relay() }); # what it wrote before it died, for up to 1 s
      my $dead = 0;
      while (1) {
        waitpid $pid, POSIX::WNOHANG();
        if (!kill 0, -$pid) { $dead = 1; last }
        last if time >= $given_up;
        select undef, undef, undef, 0.1;
      }
      my $word = "\\n\\@\\@tc:$nonce:w:" . ($dead ? "dead" : "alive") . ":$pid\\n";
      for my $s (@streams) { $s->{buf} .= $word; within(1, sub { put($s) }) }
      exit($dead ? 124 : 125);""";

  /** {@code perl -e PROGRAM }, the program quoted once: it is the same in every exec. */
  private static final String PERL = "perl -e " + ShellQuote.quote(PROGRAM) + " ";

  private Watchdog() {}

  /** {@code perl -e PROGRAM NONCE SECONDS} followed by {@code command} (already a sh command line). */
  static String wrap(String nonce, Duration timeout, String command) {
    return PERL + ShellQuote.quote(nonce) + " " + seconds(timeout) + " " + command;
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
