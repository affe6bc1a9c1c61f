package io.trustchain.lab.macos;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.macos.state.MacState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A simulated Mac for tests: runs programs as a user, plays events, peeks at the state. */
final class LabMac {

  /** What a program printed and returned; {@link #log()} is stderr without NSLog prefixes. */
  record Result(int exit, String out, String err) {
    String log() {
      return err.replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [a-z_]+\\[\\d+:\\d+\\] ", "");
    }
  }

  static final Path SCENARIOS = Path.of("scenarios");
  static final Path SECRETS = Path.of("secrets");

  private final SimulatedHost host;

  private LabMac(SimulatedHost host) {
    this.host = host;
  }

  /** A shipped scenario ({@code catalina-intel.yml}, {@code faults/hang.yml}) under a fresh state dir. */
  static LabMac shipped(Path stateDir, String scenario) {
    return open(stateDir, SCENARIOS.resolve(scenario), "mac");
  }

  /** A throwaway scenario written from {@code yaml} into {@code dir}. */
  static LabMac inline(Path dir, String yaml) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("scenario.yml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return open(dir.resolve("state"), file, "mac");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LabMac open(Path stateDir, Path scenario, String name) {
    try {
      return new LabMac(new MacHostFactory().open(name, scenario, stateDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String password(String user) {
    try {
      return Files.readAllLines(SECRETS.resolve(user)).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SimulatedHost host() {
    return host;
  }

  Result run(String user, String stdin, String program, String... args) {
    try {
      return host.transact(machine -> {
        Program p = machine.program(program).orElseThrow(() -> new AssertionError("no program " + program));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgramContext ctx = new ProgramContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            user, Map.of());
        int exit = p.run(ctx, List.of(args));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result sudo(String program, String... args) {
    return run("root", "", program, args);
  }

  Result as(String user, String program, String... args) {
    return run(user, "", program, args);
  }

  String event(String event, String argument) {
    try {
      return host.event(event, argument);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T state(Function<MacState, T> read) {
    try {
      return host.transact(machine -> read.apply(((MacMachine) machine).state()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean hasProgram(String name) {
    try {
      Boolean present = host.transact(m -> m.program(name).isPresent());
      return present;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isDirectory(String path) {
    return state(s -> s.files().isDirectory(path));
  }

  boolean exists(String user) {
    return state(s -> s.user(user).isPresent());
  }

  io.trustchain.lab.macos.state.Account account(String user) {
    return state(s -> s.user(user).orElseThrow(() -> new AssertionError("no user " + user)));
  }

  boolean token(String user) {
    return state(s -> s.user(user).orElseThrow().secureToken());
  }

  /** {@code sysadminctl -secureTokenStatus USER}, reduced to ENABLED / DISABLED / the whole line. */
  String tokenStatus(String user) {
    String line = sudo("sysadminctl", "-secureTokenStatus", user).log().strip();
    return line.contains("ENABLED") ? "ENABLED" : line.contains("DISABLED") ? "DISABLED" : line;
  }
}
