package io.trustchain.lab.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A program that never returns (the lab's {@code hang} fault): thrown through the interpreter, as a process that
 * blocks for ever would stop its script there. The exec's server plays the rest: without a watchdog the program
 * runs on for as long as the simulated Mac lives (nothing on a Mac ends a command whose SSH channel closed);
 * under trustchain's watchdog ({@link #watchdog()}) it is killed, with its process group, when the watchdog's
 * time is up. A {@code survivesKill} hang plays a process stuck in the kernel, which SIGKILL does not end.
 *
 * @param program the hung program's command line, as named
 * @param pid the hung program's process id on the simulated Mac
 */
public final class Hung extends RuntimeException {

  /** The watchdog a hung program runs under: its nonce, its time and the process group it kills. */
  public record Watch(String nonce, long seconds, int processGroup, long deadlineNanos) {}

  private final List<String> program;
  private final int pid;
  private final boolean survivesKill;
  private final transient Watch watch;

  public Hung(List<String> program, int pid, boolean survivesKill) {
    this(program, pid, survivesKill, null);
  }

  private Hung(List<String> program, int pid, boolean survivesKill, Watch watch) {
    super(String.join(" ", program), null, false, false);
    this.program = List.copyOf(Objects.requireNonNull(program, "program == null"));
    this.pid = pid;
    this.survivesKill = survivesKill;
    this.watch = watch;
  }

  /** This hang, inside the process group that {@code watch} kills when its time is up. */
  Hung underWatchdog(Watch w) {
    return watch != null ? this : new Hung(program, pid, survivesKill, w);
  }

  /** The program's name (its first word): what a process list shows first. */
  public String programName() {
    return program.isEmpty() ? "?" : program.get(0);
  }

  public int pid() {
    return pid;
  }

  public boolean survivesKill() {
    return survivesKill;
  }

  public Optional<Watch> watchdog() {
    return Optional.ofNullable(watch);
  }
}
