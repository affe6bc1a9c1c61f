package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code perl -e PROGRAM NONCE SECONDS COMMAND…}, for one program only: trustchain's watchdog (engine
 * {@code transport.ssh.Watchdog}, marked {@value #MARKER}), which runs COMMAND in a process group of its own and
 * kills that group when it outlives SECONDS. The lab runs no other Perl and says so (exit 2). COMMAND runs
 * as the watchdog would exec it; when a program in it hangs ({@link Hung}), the hang is handed on with the
 * watchdog's deadline, and the exec's server plays the kill (see {@code ExecCommand}); the lab plays that only
 * for a watchdog that is the exec's own command, as trustchain sends it.
 */
final class PerlWatchdog {

  static final String MARKER = "trustchain-watchdog v1";

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
    try {
      return sh.invoke(argv.subList(5, argv.size()), Map.of(), io);
    } catch (Hung hung) {
      throw hung.underWatchdog(new Hung.Watch(argv.get(3), seconds, group, deadline));
    }
  }
}
