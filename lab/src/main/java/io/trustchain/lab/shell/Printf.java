package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;

/**
 * POSIX {@code printf}: conversions {@code %s %b %d %i %u %c %x %o %%} with flags, width and
 * precision; escapes {@code \n \t \\ \r \a \b \f \v \" \' \NNN} in the format; the format is reused
 * while arguments remain.
 */
final class Printf {

  private final Io io;
  private final List<String> args;
  private final StringBuilder out = new StringBuilder();
  private int next;
  private int status;
  private boolean stop;

  private Printf(Io io, List<String> args) {
    this.io = io;
    this.args = args;
  }

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    List<String> rest = argv.subList(1, argv.size());
    if (!rest.isEmpty() && rest.get(0).equals("--")) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      io.error("sh: printf: usage: printf format [arguments]");
      return 2;
    }
    Printf p = new Printf(io, rest.subList(1, rest.size()));
    String format = rest.get(0);
    try {
      do {
        int before = p.next;
        p.once(format);
        if (p.next == before) {
          break;
        }
      } while (p.next < p.args.size() && !p.stop);
    } catch (UnsupportedConversion e) {
      io.print(p.out.toString());
      io.error("sh: unsupported: the printf conversion " + e.getMessage() + " " + SyntaxException.SUBSET);
      return 2;
    }
    io.print(p.out.toString());
    return p.status;
  }

  private void once(String format) throws IOException {
    int i = 0;
    while (i < format.length() && !stop) {
      char c = format.charAt(i);
      if (c == '\\') {
        i = escape(format, i, out, false);
      } else if (c == '%') {
        i = conversion(format, i);
      } else {
        out.append(c);
        i++;
      }
    }
  }

  private int conversion(String f, int start) throws IOException {
    int i = start + 1;
    StringBuilder flags = new StringBuilder();
    while (i < f.length() && "-+ 0#".indexOf(f.charAt(i)) >= 0) {
      flags.append(f.charAt(i++));
    }
    int width = -1;
    int w = i;
    while (i < f.length() && Character.isDigit(f.charAt(i))) {
      i++;
    }
    if (i > w) {
      width = Integer.parseInt(f.substring(w, i));
    }
    int precision = -1;
    if (i < f.length() && f.charAt(i) == '.') {
      int p = ++i;
      while (i < f.length() && Character.isDigit(f.charAt(i))) {
        i++;
      }
      precision = i > p ? Integer.parseInt(f.substring(p, i)) : 0;
    }
    if (i >= f.length()) {
      throw new UnsupportedConversion(f.substring(start));
    }
    char conv = f.charAt(i);
    String spec = f.substring(start, i + 1);
    String text = switch (conv) {
      case '%' -> "%";
      case 's' -> precise(arg(), precision);
      case 'b' -> precise(escapes(arg()), precision);
      case 'c' -> {
        String a = arg();
        yield a.isEmpty() ? "" : a.substring(0, a.offsetByCodePoints(0, 1));
      }
      case 'd', 'i', 'u' -> signed(number(), flags);
      case 'x' -> Long.toHexString(number());
      case 'X' -> Long.toHexString(number()).toUpperCase(java.util.Locale.ROOT);
      case 'o' -> Long.toOctalString(number());
      default -> throw new UnsupportedConversion(spec);
    };
    if (conv != '%' && (flags.indexOf("#") >= 0 || precision >= 0 && "diuxXoc".indexOf(conv) >= 0)) {
      throw new UnsupportedConversion(spec);
    }
    out.append(pad(text, width, flags.indexOf("-") >= 0, flags.indexOf("0") >= 0 && "diuxXo".indexOf(conv) >= 0));
    return i + 1;
  }

  private String arg() {
    return next < args.size() ? args.get(next++) : "";
  }

  private long number() throws IOException {
    String a = arg().strip();
    if (a.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(a.startsWith("+") ? a.substring(1) : a);
    } catch (NumberFormatException e) {
      io.error("sh: printf: " + a + ": invalid number");
      status = 1;
      return 0;
    }
  }

  private static String signed(long n, CharSequence flags) {
    String s = Long.toString(n);
    if (n >= 0 && flags.toString().indexOf('+') >= 0) {
      return "+" + s;
    }
    if (n >= 0 && flags.toString().indexOf(' ') >= 0) {
      return " " + s;
    }
    return s;
  }

  private static String precise(String s, int precision) {
    return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
  }

  private static String pad(String s, int width, boolean left, boolean zeros) {
    if (width <= s.length()) {
      return s;
    }
    int n = width - s.length();
    if (left) {
      return s + " ".repeat(n);
    }
    if (zeros) {
      int sign = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
      return s.substring(0, sign) + "0".repeat(n) + s.substring(sign);
    }
    return " ".repeat(n) + s;
  }

  /** {@code %b}: escapes in an argument; {@code \c} ends all output. */
  private String escapes(String a) {
    StringBuilder s = new StringBuilder();
    int i = 0;
    while (i < a.length()) {
      char c = a.charAt(i);
      if (c != '\\') {
        s.append(c);
        i++;
      } else if (i + 1 < a.length() && a.charAt(i + 1) == 'c') {
        stop = true;
        break;
      } else {
        i = escape(a, i, s, true);
      }
    }
    return s.toString();
  }

  /** Appends the escape at {@code s[i]} (a backslash) and returns the index after it. */
  private static int escape(String s, int i, StringBuilder out, boolean argument) {
    if (i + 1 >= s.length()) {
      out.append('\\');
      return i + 1;
    }
    char n = s.charAt(i + 1);
    String simple = switch (n) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'v' -> "\u000b";
      case '\\' -> "\\";
      case '"' -> argument ? null : "\"";
      case '\'' -> argument ? null : "'";
      default -> null;
    };
    if (simple != null) {
      out.append(simple);
      return i + 2;
    }
    if (n >= '0' && n <= '7') {
      int j = i + 1;
      if (argument && n == '0') {
        j++;
      }
      int end = Math.min(j + 3, s.length());
      int k = j;
      while (k < end && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
        k++;
      }
      out.append((char) (k > j ? Integer.parseInt(s.substring(j, k), 8) : 0));
      return k;
    }
    out.append('\\').append(n);
    return i + 2;
  }

  /** A conversion outside the subset. */
  private static final class UnsupportedConversion extends RuntimeException {
    UnsupportedConversion(String spec) {
      super(spec, null, false, false);
    }
  }
}
