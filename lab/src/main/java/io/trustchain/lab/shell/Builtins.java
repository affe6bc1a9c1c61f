package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builtins of the subset: {@code echo printf test [ read exit true false : export unset break
 * continue umask sh sudo perl} ({@code umask} in its octal form only; {@code perl} runs trustchain's watchdog only,
 * {@link PerlWatchdog}). {@code sh}, {@code sudo} and {@code perl} also answer to {@code /bin/sh}, {@code /usr/bin/sudo}
 * and {@code /usr/bin/perl}.
 */
final class Builtins {

  private static final Map<String, Builtin> ALL = Map.ofEntries(
      Map.entry(":", (sh, argv, io) -> 0),
      Map.entry("true", (sh, argv, io) -> 0),
      Map.entry("false", (sh, argv, io) -> 1),
      Map.entry("echo", Builtins::echo),
      Map.entry("printf", Printf::run),
      Map.entry("test", TestCommand::run),
      Map.entry("[", TestCommand::run),
      Map.entry("read", ReadCommand::run),
      Map.entry("exit", Builtins::exit),
      Map.entry("export", Builtins::export),
      Map.entry("unset", Builtins::unset),
      Map.entry("umask", Builtins::umask),
      Map.entry("break", (sh, argv, io) -> loop(sh, argv, io, true)),
      Map.entry("continue", (sh, argv, io) -> loop(sh, argv, io, false)),
      Map.entry("sh", ShCommand::run),
      Map.entry("/bin/sh", ShCommand::run),
      Map.entry("sudo", Sudo::run),
      Map.entry("/usr/bin/sudo", Sudo::run),
      Map.entry("perl", PerlWatchdog::run),
      Map.entry("/usr/bin/perl", PerlWatchdog::run));

  /** Builtins that a Mac also has as programs, so {@code sudo} can run them. */
  static final Set<String> ALSO_PROGRAMS = Set.of("true", "false", "echo", "printf", "test", "[", "sh", "/bin/sh", "perl",
      "/usr/bin/perl");

  private Builtins() {}

  static Builtin find(String name) {
    return ALL.get(name);
  }

  private static int echo(Shell sh, List<String> argv, Io io) throws IOException {
    List<String> args = argv.subList(1, argv.size());
    boolean newline = true;
    if (!args.isEmpty() && args.get(0).equals("-n")) {
      newline = false;
      args = args.subList(1, args.size());
    }
    io.print(String.join(" ", args) + (newline ? "\n" : ""));
    return 0;
  }

  private static int exit(Shell sh, List<String> argv, Io io) throws IOException {
    int code = sh.status;
    if (argv.size() > 2) {
      io.error("sh: exit: too many arguments");
      return 1;
    }
    if (argv.size() == 2) {
      try {
        code = Integer.parseInt(argv.get(1).strip());
      } catch (NumberFormatException e) {
        io.error("sh: exit: " + argv.get(1) + ": numeric argument required");
        code = 2;
      }
    }
    throw new Signals.Exit(code & 0xff);
  }

  private static int export(Shell sh, List<String> argv, Io io) throws IOException {
    int result = 0;
    for (String arg : argv.subList(1, argv.size())) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (!Lexer.isName(name)) {
        io.error(arg.startsWith("-")
            ? "sh: unsupported: export " + arg + " " + SyntaxException.SUBSET
            : "sh: export: `" + arg + "': not a valid identifier");
        result = arg.startsWith("-") ? 2 : 1;
        continue;
      }
      if (eq >= 0) {
        sh.set(name, arg.substring(eq + 1));
      }
      sh.export(name);
    }
    return result;
  }

  private static int unset(Shell sh, List<String> argv, Io io) throws IOException {
    int result = 0;
    for (String arg : argv.subList(1, argv.size())) {
      if (arg.equals("-v")) {
        continue;
      }
      if (!Lexer.isName(arg)) {
        io.error(arg.startsWith("-")
            ? "sh: unsupported: unset " + arg + " " + SyntaxException.SUBSET
            : "sh: unset: `" + arg + "': not a valid identifier");
        result = arg.startsWith("-") ? 2 : 1;
        continue;
      }
      sh.unset(arg);
    }
    return result;
  }

  /** {@code umask} prints the mask ({@code 0022}); {@code umask 077} sets it. The symbolic forms are not in the subset. */
  private static int umask(Shell sh, List<String> argv, Io io) throws IOException {
    if (argv.size() == 1) {
      io.print(String.format("%04o%n", sh.umask));
      return 0;
    }
    String mask = argv.get(1);
    if (argv.size() > 2 || !mask.matches("[0-7]{1,4}")) {
      io.error("sh: unsupported: umask " + String.join(" ", argv.subList(1, argv.size())) + " "
          + SyntaxException.SUBSET);
      return 2;
    }
    sh.umask = Integer.parseInt(mask, 8) & 0777;
    return 0;
  }

  private static int loop(Shell sh, List<String> argv, Io io, boolean isBreak) throws IOException {
    int levels = 1;
    if (argv.size() > 1) {
      try {
        levels = Integer.parseInt(argv.get(1));
      } catch (NumberFormatException e) {
        levels = 0;
      }
      if (levels < 1) {
        io.error("sh: " + argv.get(0) + ": " + argv.get(1) + ": loop count out of range");
        return 1;
      }
    }
    if (sh.loopDepth == 0) {
      if (sh.callerLoops > 0) {
        return 0; // in a function called from a loop: bash does nothing, and says nothing
      }
      io.error("sh: " + argv.get(0) + ": only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    throw new Signals.Loop(isBreak, Math.min(levels, sh.loopDepth));
  }
}
