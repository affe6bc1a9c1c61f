package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grep -q -F [-x] -e TEXT…} on standard input, as the engine's apply guards use it (BSD grep's
 * exit codes: 0 a line matched, 1 none, 2 trouble). Only fixed strings: {@code -F} is required, and any
 * other option, a pattern without {@code -e} or a file operand is refused loudly (exit 2) rather than
 * half-simulated.
 */
final class Grep implements Program {

  Grep(MacState state) {
    // grep reads no Mac state
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    boolean quiet = false;
    boolean fixed = false;
    boolean wholeLine = false;
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-q" -> quiet = true;
        case "-F" -> fixed = true;
        case "-x" -> wholeLine = true;
        case "-e" -> {
          if (i + 1 == args.size()) {
            ctx.stderr().print("grep: option requires an argument -- e\n");
            return 2;
          }
          patterns.add(args.get(++i));
        }
        default -> {
          ctx.stderr().print(a.startsWith("-")
              ? "lab: grep " + a + " is not simulated (only grep -q -F [-x] -e TEXT on stdin)\n"
              : "lab: grep is simulated for fixed strings only (grep -F -e TEXT), on stdin\n");
          return 2;
        }
      }
    }
    if (!fixed || patterns.isEmpty()) {
      ctx.stderr().print("lab: grep is simulated for fixed strings only (grep -F -e TEXT)\n");
      return 2;
    }
    String input = new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8);
    boolean whole = wholeLine;
    int matched = 0;
    for (String line : input.lines().toList()) {
      if (patterns.stream().anyMatch(p -> whole ? line.equals(p) : line.contains(p))) {
        matched++;
        if (!quiet) {
          ctx.stdout().print(line + "\n");
        }
      }
    }
    return matched > 0 ? 0 : 1;
  }
}
