package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a command line the way a Mac's sshd would hand it to a shell, with the lab's interpreter of
 * the POSIX sh subset the engine emits. Anything outside the subset fails before running, with
 * {@code sh: unsupported: …} on stderr and exit status 2. Programs resolve through the
 * {@link Machine}; builtins are {@code echo printf test [ read exit true false : export unset break
 * continue sh sudo}.
 *
 * <pre>
 * int status = Interpreter.forUser(machine, "admin").run(command, stdin, stdout, stderr);
 * </pre>
 */
public final class Interpreter {

  private final Machine machine;
  private final String user;
  private final ProgramObserver observer;
  private final Map<String, String> env;

  private Interpreter(Machine machine, String user, ProgramObserver observer, Map<String, String> env) {
    this.machine = Objects.requireNonNull(machine, "machine == null");
    this.user = Objects.requireNonNull(user, "user == null");
    this.observer = Objects.requireNonNull(observer, "observer == null");
    this.env = Map.copyOf(env);
  }

  /** A login shell of {@code user} on {@code machine}, with {@link #loginEnvironment}. */
  public static Interpreter forUser(Machine machine, String user) {
    return new Interpreter(machine, user, ProgramObserver.NONE, loginEnvironment(user));
  }

  /** The same shell with {@code newObserver} watching the programs it runs. */
  public Interpreter observedBy(ProgramObserver newObserver) {
    return new Interpreter(machine, user, newObserver, env);
  }

  /** The same shell with {@code extra} added to its exported variables. */
  public Interpreter withEnvironment(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    merged.putAll(extra);
    return new Interpreter(machine, user, observer, merged);
  }

  /** {@code HOME}, {@code USER}, {@code LOGNAME}, {@code SHELL} and {@code PATH} as on a Mac. */
  public static Map<String, String> loginEnvironment(String user) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", user.equals("root") ? "/var/root" : "/Users/" + user);
    env.put("USER", user);
    env.put("LOGNAME", user);
    env.put("SHELL", "/bin/zsh");
    env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
    return env;
  }

  /**
   * Runs {@code script} and returns its exit status. Streams are not closed. Unchecked exceptions
   * thrown by the observer or by programs propagate as they are.
   */
  public int run(String script, InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException {
    Io io = new Io(stdin, stdout, stderr);
    Ast.Sequence program;
    try {
      program = Parser.parse(script);
    } catch (SyntaxException e) {
      stderr.write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      return 2;
    }
    Map<String, Shell.Variable> vars = new LinkedHashMap<>();
    env.forEach((k, v) -> vars.put(k, new Shell.Variable(v, true)));
    Shell shell = new Shell(machine, observer, user, vars, "sh", List.of());
    try {
      return shell.run(program, io);
    } catch (Signals.Exit e) {
      return e.status;
    } catch (Signals.Loop e) {
      return shell.status;
    }
  }

  /** Why {@code script} would not run (a syntax error or an unsupported construct), if it would not. */
  public static Optional<String> check(String script) {
    try {
      Parser.parse(script);
      return Optional.empty();
    } catch (SyntaxException e) {
      return Optional.of(e.getMessage());
    }
  }
}
