package io.trustchain.lab.server;

import io.trustchain.lab.exec.Machine;
import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.shell.Hung;
import io.trustchain.lab.shell.ProgramObserver;
import java.util.List;
import java.util.Optional;

/**
 * Plays a host's {@code DROP} and {@code HANG} faults around the programs a script runs ({@link Hung} for a
 * hang), and finds
 * its {@code SLOW} and {@code UNREACHABLE} faults. Each firing is recorded with
 * {@link Machine#fired}.
 */
final class NetworkFaults implements ProgramObserver {

  /** Thrown through the interpreter to stop the exec: the connection must drop. */
  static final class Stop extends RuntimeException {
    final NetworkFault fault;

    Stop(NetworkFault fault) {
      super(fault.id(), null, false, false);
      this.fault = fault;
    }
  }

  private final Machine machine;

  NetworkFaults(Machine machine) {
    this.machine = machine;
  }

  /** The first active fault of {@code kind}, marked as fired. */
  static Optional<NetworkFault> fire(Machine machine, NetworkFault.Kind kind) {
    for (NetworkFault f : machine.activeFaults()) {
      if (f.kind() == kind) {
        machine.fired(f);
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  @Override
  public void beforeProgram(List<String> commandLine) {
    String line = String.join(" ", commandLine);
    for (NetworkFault f : machine.activeFaults()) {
      if (f.kind() == NetworkFault.Kind.HANG && f.matches(line)) {
        machine.fired(f);
        throw new Hung(commandLine, machine.newPid(), f.survivesKill());
      }
    }
  }

  @Override
  public void afterProgram(List<String> commandLine, int status) {
    stopOn(NetworkFault.Kind.DROP, commandLine);
  }

  private void stopOn(NetworkFault.Kind kind, List<String> commandLine) {
    String line = String.join(" ", commandLine);
    for (NetworkFault f : machine.activeFaults()) {
      if (f.kind() == kind && f.matches(line)) {
        machine.fired(f);
        throw new Stop(f);
      }
    }
  }
}
