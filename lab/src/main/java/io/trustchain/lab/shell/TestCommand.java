package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code test} and {@code [}: the POSIX forms by argument count, with {@code ! -n -z -f -e -d -s}
 * and {@code = != -eq -ne -gt -ge -lt -le}. Exit 0 true, 1 false, 2 error.
 */
final class TestCommand {

  private static final Set<String> UNARY = Set.of("-n", "-z", "-f", "-e", "-d", "-s");
  private static final Set<String> BINARY = Set.of("=", "!=", "-eq", "-ne", "-gt", "-ge", "-lt", "-le");
  private static final Set<String> UNSUPPORTED = Set.of(
      "-a", "-o", "(", ")", "==", "<", ">", "-nt", "-ot", "-ef", "-x", "-r", "-w", "-L", "-h", "-t", "-p",
      "-S", "-b", "-c", "-g", "-u", "-k", "-O", "-G", "-N");

  private final Shell sh;

  private TestCommand(Shell sh) {
    this.sh = sh;
  }

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    String name = argv.get(0);
    List<String> args = argv.subList(1, argv.size());
    if (name.equals("[")) {
      if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
        io.error("sh: [: missing `]'");
        return 2;
      }
      args = args.subList(0, args.size() - 1);
    }
    try {
      return new TestCommand(sh).evaluate(args) ? 0 : 1;
    } catch (Problem p) {
      io.error(p.unsupported
          ? "sh: unsupported: " + name + " " + p.getMessage() + " " + SyntaxException.SUBSET
          : "sh: " + name + ": " + p.getMessage());
      return 2;
    }
  }

  private boolean evaluate(List<String> a) {
    return switch (a.size()) {
      case 0 -> false;
      case 1 -> !a.get(0).isEmpty();
      case 2 -> {
        if (a.get(0).equals("!")) {
          yield a.get(1).isEmpty();
        }
        yield unary(a.get(0), a.get(1));
      }
      case 3 -> {
        if (BINARY.contains(a.get(1))) {
          yield binary(a.get(0), a.get(1), a.get(2));
        }
        if (UNSUPPORTED.contains(a.get(1))) {
          throw new Problem("operator " + a.get(1), true);
        }
        if (a.get(0).equals("!")) {
          yield !evaluate(a.subList(1, 3));
        }
        throw new Problem(a.get(1) + ": binary operator expected", false);
      }
      case 4 -> {
        if (a.get(0).equals("!")) {
          yield !evaluate(a.subList(1, 4));
        }
        throw tooMany(a);
      }
      default -> throw tooMany(a);
    };
  }

  private static Problem tooMany(List<String> a) {
    for (String s : a) {
      if (s.equals("-a") || s.equals("-o") || s.equals("(")) {
        throw new Problem("operator " + s, true);
      }
    }
    return new Problem("too many arguments", false);
  }

  private boolean unary(String op, String operand) {
    if (!UNARY.contains(op)) {
      if (UNSUPPORTED.contains(op)) {
        throw new Problem("operator " + op, true);
      }
      throw new Problem(op + ": unary operator expected", false);
    }
    String path = op.equals("-n") || op.equals("-z") ? null : sh.resolve(operand);
    return switch (op) {
      case "-n" -> !operand.isEmpty();
      case "-z" -> operand.isEmpty();
      case "-d" -> sh.machine.isDirectory(path);
      case "-e" -> sh.machine.isDirectory(path) || sh.machine.readFile(path).isPresent();
      case "-f" -> !sh.machine.isDirectory(path) && sh.machine.readFile(path).isPresent();
      default -> sh.machine.isDirectory(path) || sh.machine.readFile(path).map(c -> !c.isEmpty()).orElse(false);
    };
  }

  private static boolean binary(String left, String op, String right) {
    return switch (op) {
      case "=" -> left.equals(right);
      case "!=" -> !left.equals(right);
      default -> {
        int c = Long.compare(integer(left), integer(right));
        yield switch (op) {
          case "-eq" -> c == 0;
          case "-ne" -> c != 0;
          case "-gt" -> c > 0;
          case "-ge" -> c >= 0;
          case "-lt" -> c < 0;
          default -> c <= 0;
        };
      }
    };
  }

  private static long integer(String s) {
    String t = s.strip();
    try {
      if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)))) {
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Problem(s + ": integer expression expected", false);
  }

  /** Why the expression could not be evaluated. */
  private static final class Problem extends RuntimeException {
    final boolean unsupported;

    Problem(String message, boolean unsupported) {
      super(message, null, false, false);
      this.unsupported = unsupported;
    }
  }
}
