package io.trustchain.lab.server;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.shell.Hung;
import io.trustchain.lab.shell.Interpreter;
import io.trustchain.lab.shell.ProgramObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH exec: the command string run by the lab's interpreter inside one transaction of the
 * simulated Mac, channel stdin as the script's stdin. Network faults: SLOW waits before the
 * transaction; DROP closes the connection after the matching program (its effect saved) without
 * exit status; HANG saves and releases the host, then holds the channel until the client leaves, or, under
 * trustchain's watchdog, until the watchdog kills it ({@link #hang}).
 */
final class ExecCommand implements Command {

  private sealed interface Outcome {}

  private record Exited(int status) implements Outcome {}

  private record Slow(Duration delay) implements Outcome {}

  private record Stopped(NetworkFault fault) implements Outcome {}

  private record Hanging(Hung hung) implements Outcome {}

  private final ServedHost host;
  private final String command;
  private final CountDownLatch gone = new CountDownLatch(1);
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private ChannelSession channel;
  /** The argv of every program the exec ran, for exec.log (what the Mac's process list showed). */
  private final List<List<String>> argv = new java.util.ArrayList<>();

  ExecCommand(ServedHost host, String command) {
    this.host = host;
    this.command = command;
  }

  @Override
  public void setInputStream(InputStream stream) {
    this.in = stream;
  }

  @Override
  public void setOutputStream(OutputStream stream) {
    this.out = stream;
  }

  @Override
  public void setErrorStream(OutputStream stream) {
    this.err = stream;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession session, Environment env) {
    this.channel = session;
    Thread.ofVirtual().name("lab-exec-" + host.name()).start(this::run);
  }

  @Override
  public void destroy(ChannelSession session) {
    gone.countDown();
  }

  private void run() {
    String user = channel.getSession().getUsername();
    ExecLog.append(host.lab().stateDir().resolve(host.name()), user, command);
    try {
      Outcome outcome = transaction(user, true);
      if (outcome instanceof Slow slow) {
        if (gone.await(slow.delay().toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
        outcome = transaction(user, false);
      }
      switch (outcome) {
        case Exited e -> {
          out.flush();
          err.flush();
          exit.onExit(e.status());
        }
        case Stopped s when s.fault().kind() == NetworkFault.Kind.DROP -> channel.getSession().close(true);
        case Stopped s -> {
          out.flush();
          err.flush();
          gone.await();
        }
        case Hanging h -> hang(h.hung());
        case Slow s -> throw new IllegalStateException("slow twice");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private Outcome transaction(String user, boolean mayBeSlow) throws IOException {
    return host.mac().transact(machine -> {
      if (mayBeSlow) {
        Optional<NetworkFault> slow = NetworkFaults.fire(machine, NetworkFault.Kind.SLOW);
        if (slow.isPresent() && !slow.get().delay().isZero()) {
          return new Slow(slow.get().delay());
        }
      }
      try {
        NetworkFaults faults = new NetworkFaults(machine);
        ProgramObserver both = new ProgramObserver() {
          @Override
          public void beforeProgram(List<String> commandLine) {
            argv.add(commandLine);
            faults.beforeProgram(commandLine);
          }

          @Override
          public void afterProgram(List<String> commandLine, int status) {
            faults.afterProgram(commandLine, status);
          }
        };
        int status = Interpreter.forUser(machine, user).observedBy(both).run(command, in, out, err);
        return new Exited(status);
      } catch (NetworkFaults.Stop stop) {
        return new Stopped(stop.fault);
      } catch (Hung hung) {
        return new Hanging(hung);
      } finally {
        ExecLog.argv(host.lab().stateDir().resolve(host.name()), argv);
        argv.clear();
      }
    });
  }

  /**
   * A program of the exec hangs (its state saved, the host released). Without trustchain's watchdog it runs on:
   * the channel is held until the client leaves, and exec.log says nothing ended it. Under the watchdog, at the
   * watchdog's time (whether or not the client is still there, as on a Mac) its process group is killed, and
   * exec.log records it before the watchdog's word goes out: {@code @@tc:NONCE:w:dead:PGID}, exit 124; a
   * program that survives SIGKILL stays, {@code …:w:alive:PGID}, exit 125.
   */
  private void hang(Hung h) throws IOException, InterruptedException {
    out.flush();
    err.flush();
    java.nio.file.Path dir = host.lab().stateDir().resolve(host.name());
    Optional<Hung.Watch> watch = h.watchdog();
    if (watch.isEmpty()) {
      ExecLog.process(dir, "hung: " + h.programName() + " (pid " + h.pid() + ") never returns; nothing on the Mac"
          + " ends it when its SSH channel closes");
      gone.await();
      return;
    }
    Hung.Watch w = watch.get();
    ExecLog.process(dir, "hung: " + h.programName() + " (pid " + h.pid() + ", process group " + w.processGroup()
        + ", under trustchain's watchdog: " + w.seconds() + " s)");
    long left = w.deadlineNanos() - System.nanoTime();
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
    boolean dead = !h.survivesKill();
    ExecLog.process(dir, dead
        ? "killed: process group " + w.processGroup() + " (SIGKILL from trustchain's watchdog after " + w.seconds()
            + " s); " + h.programName() + " (pid " + h.pid() + ") is gone"
        : "survived: " + h.programName() + " (pid " + h.pid() + ", process group " + w.processGroup()
            + ") is stuck and survived SIGKILL from trustchain's watchdog after " + w.seconds() + " s");
    if (gone.getCount() == 0) {
      return;
    }
    byte[] word = ("\n@@tc:" + w.nonce() + ":w:" + (dead ? "dead" : "alive") + ":" + w.processGroup() + "\n")
        .getBytes(StandardCharsets.UTF_8);
    out.write(word);
    out.flush();
    err.write(word);
    err.flush();
    exit.onExit(dead ? 124 : 125);
  }

  /** The lab itself failed: say so on stderr and exit 255, as ssh does for its own errors. */
  private void fail(Exception e) {
    if (gone.getCount() == 0) {
      return;
    }
    try {
      err.write(("lab: " + host.name() + ": " + e + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
      out.flush();
    } catch (IOException ignored) {
      // the client is gone
    }
    exit.onExit(255, String.valueOf(e.getMessage()));
  }
}
