package io.trustchain.lab.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the SSH side of the lab plays out, declared in a host's scenario.
 *
 * <ul>
 *   <li>{@code UNREACHABLE}: the host's port is not served (connection refused).
 *   <li>{@code SLOW}: every exec waits {@code delay} before it starts.
 *   <li>{@code DROP}: after a program whose command line matches {@code match} has run (its effect
 *       saved), the connection is closed before any output or exit status is sent.
 *   <li>{@code HANG}: a program whose command line matches {@code match} never returns: nothing ends it but
 *       trustchain's watchdog (when the exec runs under it), which kills it at its time; with
 *       {@code survivesKill}, not even that (a process stuck in the kernel survives SIGKILL).
 * </ul>
 *
 * @param match a regex found in the program's command line ({@code fdesetup enable}); null: any
 * @param remaining how many more times it fires; -1 for always
 * @param survivesKill (HANG) the hung program survives SIGKILL
 */
public record NetworkFault(String id, Kind kind, String match, Duration delay, int remaining, boolean survivesKill) {

  public NetworkFault(String id, Kind kind, String match, Duration delay, int remaining) {
    this(id, kind, match, delay, remaining, false);
  }

  public enum Kind {
    UNREACHABLE, SLOW, DROP, HANG
  }

  public NetworkFault {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    delay = delay == null ? Duration.ZERO : delay;
  }

  public boolean matches(String commandLine) {
    return match == null || java.util.regex.Pattern.compile(match).matcher(commandLine).find();
  }
}
