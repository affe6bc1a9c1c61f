package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code sh -c SCRIPT [name [arg…]]}: a new shell with the exported variables, {@code $0} = name
 * and {@code $1…} = args. The whole script is parsed before any of it runs.
 */
final class ShCommand {

  private ShCommand() {}

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    return run(sh, sh.user, Map.of(), argv, io);
  }

  /** Runs {@code argv} ({@code sh -c …}) as {@code asUser} with {@code extraEnv} exported. */
  static int run(Shell sh, String asUser, Map<String, String> extraEnv, List<String> argv, Io io)
      throws IOException {
    if (argv.size() < 3 || !argv.get(1).equals("-c")) {
      String what = argv.size() < 2 ? "sh without -c" : "sh " + argv.get(1);
      io.error("sh: unsupported: " + what + " " + SyntaxException.SUBSET);
      return 2;
    }
    Ast.Sequence script;
    try {
      script = Parser.parse(argv.get(2));
    } catch (SyntaxException e) {
      io.error(e.getMessage());
      return 2;
    }
    String name = argv.size() > 3 ? argv.get(3) : "sh";
    List<String> args = argv.size() > 4 ? argv.subList(4, argv.size()) : List.of();
    Shell child = sh.child(asUser, extraEnv, name, args);
    try {
      return child.run(script, io);
    } catch (Signals.Exit e) {
      return e.status;
    } catch (Signals.Loop e) {
      return child.status;
    }
  }
}
