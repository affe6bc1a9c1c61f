package io.trustchain.lab.exec;

import java.io.IOException;

/**
 * A simulated Mac whose state lives on disk. Every exec runs in one transaction: the state is
 * loaded under an exclusive lock (held across processes, so {@code lab serve}, {@code lab login}
 * and in-process labs never interleave), the work runs, and the state is saved.
 */
public interface SimulatedHost {

  String name();

  /**
   * Whether the host may start with an {@code UNREACHABLE} fault, so that a server must look at its
   * state before serving it; false lets a server start without reading the state of every host.
   */
  default boolean mayBeUnreachable() {
    return true;
  }

  /** Loads, runs {@code work}, saves (also when {@code work} throws after changing state). */
  <T> T transact(Transaction<T> work) throws IOException;

  /**
   * Loads and runs {@code work}, which only looks (who may log in, whose password this is), and saves
   * nothing. A host whose state does not exist yet is created and saved as by {@link #transact}.
   */
  default <T> T look(Transaction<T> work) throws IOException {
    return transact(work);
  }

  /**
   * Writes what the host keeps in memory only (the clock and process counter moved by commands that
   * changed nothing else); a server calls it when it stops serving.
   */
  default void flush() throws IOException {}

  /** Plays an event that only happens at a Mac's login window: {@code login}, {@code logout}, {@code reboot}. */
  String event(String event, String user) throws IOException;

  /** Forgets the state; the next transaction starts again from the scenario. */
  void reset() throws IOException;

  /** Work done against a loaded machine. */
  @FunctionalInterface
  interface Transaction<T> {
    T run(Machine machine) throws IOException;
  }
}
