package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Machine;
import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One shell process: its variables, functions, positional parameters and last status; runs syntax trees. */
final class Shell {

  /** A shell variable; exported ones reach programs' environments. */
  record Variable(String value, boolean exported) {}

  final Machine machine;
  final ProgramObserver observer;
  final String user;
  private final Map<String, Variable> vars;
  private final String arg0;
  /** The script's arguments, or a function's while it runs. */
  private List<String> positional;
  /** The functions defined so far; a subshell inherits them, a new {@code sh} does not (POSIX exports none). */
  private final Map<String, Ast.Node> functions = new HashMap<>();
  private int functionDepth;
  /** How deep function calls may nest. */
  static final int MAX_FUNCTION_DEPTH = 100;
  int status;
  int loopDepth;
  /** Loops of the callers of the function running now, out of its {@code break}'s reach. */
  int callerLoops;
  int substitutionStatus;
  /** The file mode creation mask ({@code umask}); files a redirection creates get {@code 0666 & ~umask}. */
  int umask = 022;
  /** Shared by this shell's subshells and children: one run, one thread. */
  private ProgramStreams streams = new ProgramStreams();

  Shell(Machine machine, ProgramObserver observer, String user, Map<String, Variable> vars, String arg0,
      List<String> positional) {
    this.machine = Objects.requireNonNull(machine, "machine == null");
    this.observer = Objects.requireNonNull(observer, "observer == null");
    this.user = Objects.requireNonNull(user, "user == null");
    this.vars = new LinkedHashMap<>(vars);
    this.arg0 = arg0;
    this.positional = List.copyOf(positional);
  }

  /** A subshell: a copy of this shell's state (pipeline stages, command substitutions). */
  Shell fork() {
    Shell s = new Shell(machine, observer, user, vars, arg0, positional);
    s.functions.putAll(functions);
    s.functionDepth = functionDepth;
    s.loopDepth = loopDepth;
    s.callerLoops = callerLoops;
    s.status = status;
    s.umask = umask;
    s.streams = streams;
    return s;
  }

  /** A new shell process ({@code sh -c}) run as {@code asUser}, inheriting the exported variables. */
  Shell child(String asUser, Map<String, String> extraEnv, String name, List<String> args) {
    Map<String, Variable> env = new LinkedHashMap<>();
    environment().forEach((k, v) -> env.put(k, new Variable(v, true)));
    extraEnv.forEach((k, v) -> env.put(k, new Variable(v, true)));
    Shell s = new Shell(machine, observer, asUser, env, name, args);
    s.umask = umask;
    s.streams = streams;
    return s;
  }

  // ---- variables

  String get(String name) {
    switch (name) {
      case "?" -> {
        return String.valueOf(status);
      }
      case "#" -> {
        return String.valueOf(positional.size());
      }
      case "0" -> {
        return arg0;
      }
      default -> {
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
          int i = Integer.parseInt(name);
          return i >= 1 && i <= positional.size() ? positional.get(i - 1) : "";
        }
        Variable v = vars.get(name);
        return v == null ? "" : v.value();
      }
    }
  }

  Optional<Variable> variable(String name) {
    return Optional.ofNullable(vars.get(name));
  }

  void set(String name, String value) {
    Variable old = vars.get(name);
    vars.put(name, new Variable(value, old != null && old.exported()));
  }

  void restore(String name, Variable previous) {
    if (previous == null) {
      vars.remove(name);
    } else {
      vars.put(name, previous);
    }
  }

  void export(String name) {
    Variable old = vars.get(name);
    vars.put(name, new Variable(old == null ? "" : old.value(), true));
  }

  void unset(String name) {
    vars.remove(name);
  }

  /** The field separators: {@code $IFS}, or space, tab and newline when unset. */
  String ifs() {
    Variable v = vars.get("IFS");
    return v == null ? " \t\n" : v.value();
  }

  /** The exported variables, as a program's environment. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    vars.forEach((k, v) -> {
      if (v.exported()) {
        env.put(k, v.value());
      }
    });
    return env;
  }

  /** {@code path} made absolute against {@code $HOME} (the lab's shells never change directory). */
  String resolve(String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String home = get("HOME");
    return (home.isEmpty() ? "" : home.endsWith("/") ? home : home + "/") + path;
  }

  // ---- running

  int run(Ast.Node node, Io io) throws IOException {
    int result = switch (node) {
      case Ast.Sequence s -> sequence(s, io);
      case Ast.AndOr a -> andOr(a, io);
      case Ast.Pipeline p -> pipeline(p, io);
      case Ast.Simple c -> simple(c, io);
      case Ast.If i -> ifClause(i, io);
      case Ast.For f -> forLoop(f, io);
      case Ast.Loop l -> loop(l, io);
      case Ast.Group g -> run(g.body(), io);
      case Ast.Redirected r -> redirected(r, io);
      case Ast.Function f -> {
        functions.put(f.name(), f.body());
        yield 0;
      }
    };
    status = result;
    return result;
  }

  /** Runs {@code node} as a subshell would: {@code exit} ends only it. */
  int runIsolated(Ast.Node node, Io io) throws IOException {
    try {
      return run(node, io);
    } catch (Signals.Exit e) {
      status = e.status;
      return e.status;
    } catch (Signals.Loop e) {
      return status;
    }
  }

  private int sequence(Ast.Sequence s, Io io) throws IOException {
    int result = 0;
    for (Ast.Node n : s.items()) {
      result = run(n, io);
    }
    return result;
  }

  private int andOr(Ast.AndOr a, Io io) throws IOException {
    int result = run(a.first(), io);
    for (Ast.Link link : a.rest()) {
      if (link.and() == (result == 0)) {
        result = run(link.node(), io);
      }
    }
    return result;
  }

  /** Stages run one after another; each stage's output is buffered and fed to the next. */
  private int pipeline(Ast.Pipeline p, Io io) throws IOException {
    List<Ast.Node> stages = p.stages();
    int result;
    if (stages.size() == 1) {
      result = run(stages.get(0), io);
    } else {
      java.io.InputStream in = io.in();
      result = 0;
      for (int i = 0; i < stages.size(); i++) {
        boolean last = i == stages.size() - 1;
        ByteArrayOutputStream buffer = last ? null : new ByteArrayOutputStream();
        Io stageIo = new Io(in, last ? io.out() : buffer, io.err());
        result = fork().runIsolated(stages.get(i), stageIo);
        if (!last) {
          in = new ByteArrayInputStream(buffer.toByteArray());
        }
      }
    }
    return p.negated() ? (result == 0 ? 1 : 0) : result;
  }

  private int simple(Ast.Simple c, Io io) throws IOException {
    substitutionStatus = 0;
    List<String> argv = new ArrayList<>();
    for (Word w : c.words()) {
      argv.addAll(Expansion.fields(this, w, io));
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (Ast.Assignment a : c.assignments()) {
      assignments.put(a.name(), Expansion.single(this, a.value(), io));
    }
    int afterExpansion = substitutionStatus;
    Redirections r = Redirections.open(this, c.redirects(), io);
    if (r == null) {
      return 1;
    }
    try {
      if (argv.isEmpty()) {
        assignments.forEach(this::set);
        return afterExpansion;
      }
      return invoke(argv, assignments, r.io());
    } finally {
      r.close();
    }
  }

  /**
   * Runs a command by name, in POSIX's order: a special builtin, a function, another builtin, a program of the
   * machine. No function can shadow a special builtin: the parser refuses to define one by such a name.
   */
  int invoke(List<String> argv, Map<String, String> assignments, Io io) throws IOException {
    String name = argv.get(0);
    Builtin builtin = Builtins.find(name);
    Ast.Node function = functions.get(name);
    if (function != null) {
      return call(function, argv, assignments, io);
    }
    if (builtin != null) {
      Map<String, Variable> saved = new LinkedHashMap<>();
      assignments.forEach((k, v) -> {
        saved.put(k, vars.get(k));
        set(k, v);
      });
      try {
        return builtin.run(this, argv, io);
      } finally {
        saved.forEach(this::restore);
      }
    }
    Optional<Program> program = machine.program(name);
    if (program.isEmpty()) {
      io.error("sh: " + name + ": command not found");
      return 127;
    }
    Map<String, String> env = environment();
    env.putAll(assignments);
    return runProgram(program.get(), argv, env, io, user);
  }

  /**
   * Runs a function's body with its arguments as the positional parameters, as bash in its POSIX mode does: the
   * assignments before the call hold during it, a {@code break} inside leaves no loop of the caller, and
   * {@code exit} ends the shell. Calls nest at most {@link #MAX_FUNCTION_DEPTH} deep (a real sh recurses until
   * its stack runs out; the lab stops there with bash's word for it).
   */
  private int call(Ast.Node body, List<String> argv, Map<String, String> assignments, Io io) throws IOException {
    if (functionDepth >= MAX_FUNCTION_DEPTH) {
      io.error("sh: " + argv.get(0) + ": maximum function nesting level exceeded (" + MAX_FUNCTION_DEPTH + ")");
      throw new Signals.Exit(2);
    }
    List<String> callerArgs = positional;
    int outerLoops = loopDepth;
    int outerHidden = callerLoops;
    Map<String, Variable> saved = new LinkedHashMap<>();
    assignments.forEach((k, v) -> {
      saved.put(k, vars.get(k));
      set(k, v);
    });
    positional = List.copyOf(argv.subList(1, argv.size()));
    callerLoops += loopDepth;
    loopDepth = 0;
    functionDepth++;
    try {
      return run(body, io);
    } catch (Signals.Loop ignored) {
      return status;
    } finally {
      functionDepth--;
      loopDepth = outerLoops;
      callerLoops = outerHidden;
      positional = callerArgs;
      saved.forEach(this::restore);
    }
  }

  /** Runs a machine program with the observer around it. */
  int runProgram(Program program, List<String> argv, Map<String, String> env, Io io, String asUser)
      throws IOException {
    List<String> commandLine = List.copyOf(argv);
    observer.beforeProgram(commandLine);
    PrintStream out = streams.of(io.out());
    PrintStream err = streams.of(io.err());
    int result;
    try {
      result = program.run(new ProgramContext(Io.keepOpen(io.in()), out, err, asUser, Map.copyOf(env)),
          commandLine.subList(1, commandLine.size()));
    } finally {
      out.flush();
      err.flush();
    }
    observer.afterProgram(commandLine, result);
    return result & 0xff;
  }

  private int ifClause(Ast.If i, Io io) throws IOException {
    for (Ast.Branch b : i.branches()) {
      if (run(b.condition(), io) == 0) {
        return run(b.body(), io);
      }
    }
    return i.otherwise() == null ? 0 : run(i.otherwise(), io);
  }

  private int forLoop(Ast.For f, Io io) throws IOException {
    List<String> items = new ArrayList<>();
    for (Word w : f.words()) {
      items.addAll(Expansion.fields(this, w, io));
    }
    int result = 0;
    loopDepth++;
    try {
      for (String item : items) {
        set(f.name(), item);
        try {
          result = run(f.body(), io);
        } catch (Signals.Loop l) {
          if (l.levels > 1) {
            throw new Signals.Loop(l.isBreak, l.levels - 1);
          }
          if (l.isBreak) {
            break;
          }
        }
      }
    } finally {
      loopDepth--;
    }
    return result;
  }

  private int loop(Ast.Loop l, Io io) throws IOException {
    int result = 0;
    loopDepth++;
    try {
      while (true) {
        try {
          int c = run(l.condition(), io);
          if (l.until() == (c == 0)) {
            break;
          }
          result = run(l.body(), io);
        } catch (Signals.Loop s) {
          if (s.levels > 1) {
            throw new Signals.Loop(s.isBreak, s.levels - 1);
          }
          if (s.isBreak) {
            break;
          }
        }
      }
    } finally {
      loopDepth--;
    }
    return result;
  }

  private int redirected(Ast.Redirected r, Io io) throws IOException {
    Redirections opened = Redirections.open(this, r.redirects(), io);
    if (opened == null) {
      return 1;
    }
    try {
      return run(r.command(), opened.io());
    } finally {
      opened.close();
    }
  }
}
