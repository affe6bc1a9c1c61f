package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog's Perl program itself, run by Debian's real {@code /usr/bin/perl} as sshd would run it: exit
 * statuses, the relay of both streams (whole, in order, in few writes, a hung command's last words before its
 * kill), the kill at the timeout with the word last, and a client that left or stopped reading.
 */
class WatchdogTest {

  private static final String NONCE = "0a1b2c";

  @TempDir
  Path tmp;

  /** One run of the watchdog: what each stream carried, in how many reads, and whether the first came early. */
  private record Run(int status, String stdout, String stderr, int stdoutReads, boolean firstWhileRunning) {}

  private static Process start(String script, int seconds) throws IOException {
    return new ProcessBuilder("/usr/bin/perl", "-e", Watchdog.PROGRAM, NONCE, Integer.toString(seconds), "sh", "-c",
        script).start();
  }

  private static Run run(String script, int seconds) throws Exception {
    Process p = start(script, seconds);
    p.getOutputStream().close();
    AtomicInteger reads = new AtomicInteger();
    AtomicBoolean early = new AtomicBoolean();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = Thread.ofVirtual().start(() -> drain(p.getErrorStream(), err, null, null, null));
    drain(p.getInputStream(), out, reads, early, p);
    errReader.join();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        reads.get(), early.get());
  }

  private static void drain(InputStream in, ByteArrayOutputStream to, AtomicInteger reads, AtomicBoolean early,
      Process p) {
    byte[] buf = new byte[1 << 20];
    try (in) {
      for (int n; (n = in.read(buf)) > 0; ) {
        if (reads != null && reads.getAndIncrement() == 0) {
          early.set(p.isAlive());
        }
        to.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String word(String stdout) {
    return Watchdog.read(stdout, NONCE).map(w -> (w.dead() ? "dead:" : "alive:") + w.processGroup()).orElse("none");
  }

  /** Sleep arguments that no other process uses, to look for them afterwards. */
  private static String uniqueSleep() {
    return "sleep 4" + ProcessHandle.current().pid() % 1000 + System.nanoTime() % 100;
  }

  private static List<String> running(String marker) {
    return ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse("")).filter(c -> c.contains(marker))
        .toList();
  }

  @Test
  void aScriptThatEndsInTime_keepsItsStatus_andItsManySmallWritesArriveAsOne() throws Exception {
    Run r = run("echo one; sleep 0.01; echo two; sleep 0.01; echo three; sleep 0.01; echo four; echo oops >&2;"
        + " exit 3", 10);

    assertThat(r.status()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("one\ntwo\nthree\nfour\n");
    assertThat(r.stderr()).isEqualTo("oops\n");
    assertThat(r.stdoutReads()).as("4 writes 10 ms apart, relayed in one (or two, on a stalled machine)")
        .isLessThanOrEqualTo(2);
    assertThat(word(r.stdout())).isEqualTo("none");
  }

  @Test
  void aScriptEndedBySignal_is128PlusIt_andOneThatCannotStart_is127() throws Exception {
    assertThat(run("echo before; kill -TERM $$; echo never", 10)).extracting(Run::status, Run::stdout)
        .containsExactly(143, "before\n");
    Process p = new ProcessBuilder("/usr/bin/perl", "-e", Watchdog.PROGRAM, NONCE, "10", tmp + "/missing").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(127);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("trustchain-watchdog: " + tmp + "/missing: No such file or directory\n");
  }

  @Test
  void bigOutputsOnBothStreams_arriveWhole_inOrder() throws Exception {
    Run r = run("head -c 3000000 /dev/zero | tr '\\0' a; head -c 2500000 /dev/zero | tr '\\0' b >&2;"
        + " i=0; while [ $i -lt 2000 ]; do echo \"o$i\"; echo \"e$i\" >&2; i=$((i+1)); done; exit 5", 30);

    StringBuilder out = new StringBuilder("a".repeat(3_000_000));
    StringBuilder err = new StringBuilder("b".repeat(2_500_000));
    for (int i = 0; i < 2000; i++) {
      out.append('o').append(i).append('\n');
      err.append('e').append(i).append('\n');
    }
    assertThat(r.status()).isEqualTo(5);
    assertThat(r.stdout()).as("stdout, every byte in order").isEqualTo(out.toString());
    assertThat(r.stderr()).as("stderr, every byte in order").isEqualTo(err.toString());
  }

  @Test
  void theScriptDoesNotInheritTheWatchdogsIgnoredSigpipe() throws Exception {
    // Linux's view of it: bit 13 of SigIgn (0x1000) is SIGPIPE; a script that ignored it would see EPIPE, not die
    Run r = run("sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status", 10);

    assertThat(Long.parseLong(r.stdout().strip(), 16) & 0x1000L).isZero();
  }

  @Test
  void pastItsTimeout_theGroupIsKilled_andTheWordIsTheLastLineOfStdout() throws Exception {
    String sleep = uniqueSleep();
    Run r = run("echo started; " + sleep + "1 & while :; do echo busy; echo err >&2; done", 1);

    assertThat(r.status()).isEqualTo(124);
    assertThat(r.stdout()).startsWith("started\nbusy\n");
    assertThat(word(r.stdout())).as("after all the output relayed").startsWith("dead:");
    assertThat(r.stderr()).endsWith("\n@@tc:" + NONCE + ":w:" + word(r.stdout()) + "\n");
    assertThat(running(sleep)).as("the script and what it left in the background").isEmpty();
  }

  @Test
  void aHungScriptsLastWordsArriveBeforeItsKill_evenAfterItClosedItsStdout() throws Exception {
    String sleep = uniqueSleep();
    Run r = run("echo started; exec >&-; echo still here >&2; " + sleep + "3", 2);

    assertThat(r.firstWhileRunning()).as("relayed within 0.1 s, not at the end").isTrue();
    assertThat(r.status()).isEqualTo(124);
    assertThat(r.stdout()).matches("started\n\n@@tc:" + NONCE + ":w:dead:[0-9]+\n");
    assertThat(r.stderr()).matches("still here\n\n@@tc:" + NONCE + ":w:dead:[0-9]+\n");
    assertThat(running(sleep)).isEmpty();
  }

  @Test
  void aClientThatLeft_failsTheWatchdogsWrites_butNeverItsKill_andAScriptInTimeRunsToItsEnd() throws Exception {
    String sleep = uniqueSleep();
    Process hung = start("echo started; echo started >&2; " + sleep + "5", 1);
    hung.getInputStream().close();
    hung.getErrorStream().close();
    assertThat(hung.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(hung.exitValue()).as("not SIGPIPE's 141: the watchdog lived to its kill").isEqualTo(124);
    assertThat(running(sleep)).isEmpty();

    Path done = tmp.resolve("done");
    Process gone = start("echo first; sleep 0.3; i=0; while [ $i -lt 5000 ]; do echo \"line $i\"; i=$((i+1)); done;"
        + " echo done > " + done, 10);
    gone.getInputStream().close();
    assertThat(gone.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(gone.exitValue()).isZero();
    assertThat(Files.readString(done)).isEqualTo("done\n");
  }

  @Test
  void aClientThatStoppedReading_cannotHoldTheKillBack() throws Exception {
    String sleep = uniqueSleep();
    Process p = start("head -c 2000000 /dev/zero; " + sleep + "6", 1); // stdout is never read: the pipe fills

    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("the watchdog's writes are bounded by its alarm").isTrue();
    assertThat(p.exitValue()).isEqualTo(124);
    assertThat(running(sleep)).isEmpty();
    p.getInputStream().close();
  }
}
