package io.trustchain.lab.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@code read [-r] name…}: reads one line from stdin one byte at a time (so the rest of stdin stays
 * for later commands), splits it on {@code $IFS}, the last name taking the rest of the line. Exit 1
 * at end of input, with the names still set from what was read.
 */
final class ReadCommand {

  private ReadCommand() {}

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    boolean raw = false;
    List<String> names = new ArrayList<>();
    for (String a : argv.subList(1, argv.size())) {
      if (names.isEmpty() && a.equals("-r")) {
        raw = true;
      } else if (names.isEmpty() && a.startsWith("-") && a.length() > 1) {
        io.error("sh: unsupported: read " + a + " " + SyntaxException.SUBSET);
        return 2;
      } else if (!Lexer.isName(a)) {
        io.error("sh: read: `" + a + "': not a valid identifier");
        return 2;
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      names.add("REPLY");
    }
    StringBuilder line = new StringBuilder();
    BitSet escaped = new BitSet();
    boolean eof = readLine(io.in(), raw, line, escaped);
    List<String> values = split(line, escaped, sh.ifs(), names.size());
    for (int i = 0; i < names.size(); i++) {
      sh.set(names.get(i), i < values.size() ? values.get(i) : "");
    }
    return eof ? 1 : 0;
  }

  /** Reads up to a newline; returns true at end of input before one. */
  private static boolean readLine(InputStream in, boolean raw, StringBuilder line, BitSet escaped)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean eof;
    while (true) {
      int b = in.read();
      if (b < 0) {
        eof = true;
        break;
      }
      if (b == '\n') {
        eof = false;
        break;
      }
      bytes.write(b);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    if (raw) {
      line.append(text);
      return eof;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        escaped.set(line.length());
        line.append(text.charAt(++i));
      } else if (c == '\\' && !eof) {
        StringBuilder more = new StringBuilder();
        BitSet moreEscaped = new BitSet();
        int base = line.length();
        eof = readLine(in, false, more, moreEscaped);
        line.append(more);
        moreEscaped.stream().forEach(j -> escaped.set(base + j));
        return eof;
      } else if (c != '\\') {
        line.append(c);
      }
    }
    return eof;
  }

  /** At most {@code count} fields; the last holds the rest of the line. */
  static List<String> split(CharSequence line, BitSet escaped, String ifs, int count) {
    List<String> values = new ArrayList<>();
    if (ifs.isEmpty()) {
      values.add(line.toString());
      return values;
    }
    int i = 0;
    int n = line.length();
    i = skipWhite(line, escaped, ifs, i);
    while (values.size() < count - 1 && i < n) {
      int start = i;
      while (i < n && !isIfs(line, escaped, ifs, i)) {
        i++;
      }
      values.add(line.subSequence(start, i).toString());
      boolean sawOther = false;
      while (i < n && isIfs(line, escaped, ifs, i)) {
        if (!Expansion.isWhite(line.charAt(i))) {
          if (sawOther) {
            break;
          }
          sawOther = true;
        }
        i++;
      }
    }
    if (i < n) {
      int end = n;
      while (end > i && isIfs(line, escaped, ifs, end - 1) && Expansion.isWhite(line.charAt(end - 1))) {
        end--;
      }
      values.add(line.subSequence(i, end).toString());
    }
    return values;
  }

  private static int skipWhite(CharSequence line, BitSet escaped, String ifs, int i) {
    while (i < line.length() && isIfs(line, escaped, ifs, i) && Expansion.isWhite(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isIfs(CharSequence line, BitSet escaped, String ifs, int i) {
    return !escaped.get(i) && ifs.indexOf(line.charAt(i)) >= 0;
  }
}
