package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.OsInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code uname} with -a, -m, -n, -p, -r, -s, -v (S84). */
final class Uname implements Program {

  private final MacState state;

  Uname(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    Set<Character> flags = new LinkedHashSet<>();
    for (String a : args) {
      if (!a.startsWith("-") || a.length() < 2) {
        return usage(ctx);
      }
      for (char c : a.substring(1).toCharArray()) {
        if ("amnprsv".indexOf(c) < 0) {
          ctx.stderr().print("uname: illegal option -- " + c + "\n");
          return usage(ctx);
        }
        flags.add(c);
      }
    }
    OsInfo os = state.os();
    if (flags.contains('a')) {
      flags = new LinkedHashSet<>(List.of('s', 'n', 'r', 'v', 'm'));
    }
    if (flags.isEmpty()) {
      flags.add('s');
    }
    List<String> parts = new ArrayList<>();
    for (char c : "snrvmp".toCharArray()) {
      if (flags.contains(c)) {
        parts.add(switch (c) {
          case 's' -> "Darwin";
          case 'n' -> os.hostname();
          case 'r' -> os.kernelRelease();
          case 'v' -> os.kernelVersion();
          case 'm' -> os.arch();
          default -> os.appleSilicon() ? "arm" : "i386";
        });
      }
    }
    ctx.stdout().print(String.join(" ", parts) + "\n");
    return 0;
  }

  private static int usage(ProgramContext ctx) {
    ctx.stderr().print("usage: uname [-amnprsv]\n");
    return 1;
  }
}
