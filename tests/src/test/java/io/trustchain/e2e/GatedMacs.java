package io.trustchain.e2e;

import io.trustchain.lab.exec.Machine;
import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.macos.MacHostFactory;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The lab's simulated Macs with a gate a test closes at one moment of a run: right before, or right
 * after, one program a script runs on the Mac (the first whose command line matches, or the n-th program
 * since arming). There the Mac's thread stops until the test has killed the engine and
 * {@link #release}d it; then the rest of that exec is abandoned, its effects so far saved, as the
 * remote shell dies with the SSH connection of a killed client (SIGHUP).
 */
final class GatedMacs implements SimulatedHostFactory {

  /** A program ({@code match}: a regex found in "tool arg…", or {@code ordinal}: the n-th, 1-based). */
  record Moment(String match, int ordinal, boolean before, String label) {
    static Moment before(String match, String label) {
      return new Moment(match, 0, true, label);
    }

    static Moment after(String match, String label) {
      return new Moment(match, 0, false, label);
    }

    static Moment program(int ordinal, boolean before) {
      return new Moment(null, ordinal, before, "");
    }

    boolean at(int n, String commandLine) {
      return match != null ? Pattern.compile(match).matcher(commandLine).find() : ordinal == n;
    }

    @Override
    public String toString() {
      return (before ? "before " : "after ") + (match != null ? label : "program #" + ordinal);
    }
  }

  /** Thrown through the shell once the gate opens: the rest of the exec dies with its connection. */
  static final class Hangup extends RuntimeException {
    Hangup() {
      super("the client is gone (SIGHUP)", null, false, false);
    }
  }

  private final MacHostFactory macs = new MacHostFactory();
  private final AtomicInteger programs = new AtomicInteger();
  private final List<String> names = Collections.synchronizedList(new ArrayList<>());
  private volatile Moment armed;
  private volatile boolean held;
  private volatile String heldProgram = "";
  private volatile CountDownLatch reached = new CountDownLatch(1);
  private volatile CountDownLatch released = new CountDownLatch(1);

  @Override
  public SimulatedHost open(LabHost host) throws IOException {
    SimulatedHost mac = macs.open(host);
    return new SimulatedHost() {
      @Override
      public String name() {
        return mac.name();
      }

      @Override
      public <T> T transact(Transaction<T> work) throws IOException {
        return mac.transact(machine -> work.run(new GatedMachine(machine)));
      }

      @Override
      public String event(String event, String user) throws IOException {
        return mac.event(event, user);
      }

      @Override
      public void reset() throws IOException {
        mac.reset();
      }
    };
  }

  /** Counts programs from zero again and closes the gate at {@code moment} (null: never). */
  void arm(Moment moment) {
    programs.set(0);
    names.clear();
    held = false;
    heldProgram = "";
    reached = new CountDownLatch(1);
    released = new CountDownLatch(1);
    armed = moment;
  }

  /** The programs the Mac ran since the last {@link #arm} (names only: arguments may hold secrets). */
  List<String> programs() {
    synchronized (names) {
      return List.copyOf(names);
    }
  }

  /** The program the gate stopped at (its name). */
  String heldProgram() {
    return heldProgram;
  }

  /** Waits until the armed moment is reached; false when it was not within {@code seconds}. */
  boolean awaitReached(long seconds) throws InterruptedException {
    return reached.await(seconds, TimeUnit.SECONDS);
  }

  /** Opens the gate; the held exec then dies (its effects so far saved). */
  void release() {
    armed = null;
    released.countDown();
  }

  private void hold(String program) {
    held = true;
    heldProgram = program;
    reached.countDown();
    try {
      if (!released.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never released the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new Hangup();
  }

  /** The Mac as the shell sees it, with every program wrapped by the gate. */
  private final class GatedMachine implements Machine {
    private final Machine machine;

    GatedMachine(Machine machine) {
      this.machine = machine;
    }

    @Override
    public Optional<Program> program(String name) {
      return machine.program(name).map(p -> (ctx, args) -> {
        String line = name.substring(name.lastIndexOf('/') + 1) + " " + String.join(" ", args);
        int n = programs.incrementAndGet();
        names.add(name.substring(name.lastIndexOf('/') + 1));
        Moment m = armed;
        boolean here = m != null && !held && m.at(n, line);
        if (here && m.before()) {
          hold(name);
        }
        int status = p.run(ctx, args);
        if (here) {
          hold(name);
        }
        return status;
      });
    }

    @Override
    public String hostName() {
      return machine.hostName();
    }

    @Override
    public boolean userExists(String user) {
      return machine.userExists(user);
    }

    @Override
    public boolean authenticate(String user, char[] password) {
      return machine.authenticate(user, password);
    }

    @Override
    public boolean isAdmin(String user) {
      return machine.isAdmin(user);
    }

    @Override
    public Optional<String> readFile(String path) {
      return machine.readFile(path);
    }

    @Override
    public void writeFile(String path, String content) {
      machine.writeFile(path, content);
    }

    @Override
    public void writeFile(String path, String content, int modeIfNew) {
      machine.writeFile(path, content, modeIfNew);
    }

    @Override
    public boolean deleteFile(String path) {
      return machine.deleteFile(path);
    }

    @Override
    public boolean isDirectory(String path) {
      return machine.isDirectory(path);
    }

    @Override
    public List<NetworkFault> activeFaults() {
      return machine.activeFaults();
    }

    @Override
    public void fired(NetworkFault fault) {
      machine.fired(fault);
    }
  }
}
