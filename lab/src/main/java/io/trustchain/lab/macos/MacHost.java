package io.trustchain.lab.macos;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.macos.rules.LoginWindow;
import io.trustchain.lab.macos.scenario.ScenarioLoader;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One simulated Mac whose state lives in {@code STATEDIR/HOST/state.json}. A transaction locks the host
 * (across processes), loads the state — from the scenario the first time — runs, and saves.
 */
final class MacHost implements SimulatedHost {

  private final String name;
  private final Path scenario;
  private final Path dir;
  private final StateStore store;
  private final boolean mayBeUnreachable;

  MacHost(String name, Path scenario, Path stateDir, boolean mayBeUnreachable) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.scenario = Objects.requireNonNull(scenario, "scenario == null");
    this.dir = stateDir.resolve(name);
    this.store = new StateStore(dir);
    this.mayBeUnreachable = mayBeUnreachable;
  }

  @Override
  public boolean mayBeUnreachable() {
    return mayBeUnreachable;
  }

  @Override
  public String name() {
    return name;
  }

  Path stateFile() {
    return store.file();
  }

  @Override
  public <T> T transact(Transaction<T> work) throws IOException {
    Objects.requireNonNull(work, "work == null");
    HostLock lock = HostLock.acquire(dir);
    try {
      MacState state = loadOrCreate();
      try {
        return work.run(new MacMachine(state));
      } finally {
        store.save(state);
      }
    } finally {
      lock.close();
    }
  }

  /**
   * Without a save, and under this JVM's lock only: a login's look at the accounts took the file lock
   * and wrote a JSON image of the whole state.
   */
  @Override
  public <T> T look(Transaction<T> work) throws IOException {
    Objects.requireNonNull(work, "work == null");
    HostLock lock = HostLock.inProcess(dir);
    try {
      MacState saved = store.load().orElse(null);
      if (saved != null) {
        return work.run(new MacMachine(saved));
      }
    } finally {
      lock.close();
    }
    return transact(work); // the first command creates the state
  }

  @Override
  public void flush() throws IOException {
    HostLock lock = HostLock.acquire(dir);
    try {
      store.flush();
    } finally {
      lock.close();
    }
  }

  private MacState loadOrCreate() throws IOException {
    return store.load().orElse(null) instanceof MacState saved ? saved : ScenarioLoader.load(scenario, name);
  }

  @Override
  public String event(String event, String user) throws IOException {
    return transact(machine -> LoginWindow.play(((MacMachine) machine).state(), event, user));
  }

  @Override
  public void reset() throws IOException {
    HostLock lock = HostLock.acquire(dir);
    try {
      store.delete();
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return name + " (" + scenario + ")";
  }
}
