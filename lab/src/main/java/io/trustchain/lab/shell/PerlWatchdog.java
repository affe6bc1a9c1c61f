package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code perl -e PROGRAM NONCE SECONDS COMMAND…}, for one program only: trustchain's watchdog (engine
 * {@code transport.ssh.Watchdog}, marked {@value #MARKER}), which runs COMMAND in a process group of its own,
 * relays its output in few writes, and kills that group when it outlives SECONDS. The lab runs no other Perl and
 * says so (exit 2). COMMAND runs as the watchdog would exec it, its stdout and stderr each relayed as the
 * watchdog does ({@link RelayedStream}: in pieces of 32 KiB or more, the rest at the end; the lab's programs
 * take no time, so the relay's 0.1 s timer never fires but before a hang). When a program in it hangs
 * ({@link Hung}), what it wrote before is relayed, then the hang is handed on with the watchdog's deadline, and
 * the exec's server plays the kill (see {@code ExecCommand}); the lab plays that only for a watchdog that is the
 * exec's own command, as trustchain sends it. A dropped connection ({@code DROP}) loses what was waiting.
 */
final class PerlWatchdog {

  static final String MARKER = "trustchain-watchdog v2";

  private PerlWatchdog() {}

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    if (argv.size() < 6 || !argv.get(1).equals("-e") || !argv.get(2).contains(MARKER)
        || !argv.get(3).matches("[0-9a-z]+") || !argv.get(4).matches("[1-9][0-9]{0,6}")) {
      io.error("lab: perl runs only trustchain's watchdog (" + MARKER + "): perl -e PROGRAM NONCE SECONDS"
          + " COMMAND…");
      return 2;
    }
    long seconds = Long.parseLong(argv.get(4));
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int group = sh.machine.newPid();
    RelayedStream out = new RelayedStream(io.out());
    RelayedStream err = new RelayedStream(io.err());
    int status;
    try {
      status = sh.invoke(argv.subList(5, argv.size()), Map.of(), new Io(io.in(), out, err));
    } catch (Hung hung) {
      out.pass();
      err.pass();
      throw hung.underWatchdog(new Hung.Watch(argv.get(3), seconds, group, deadline));
    }
    out.pass();
    err.pass();
    return status;
  }
}
