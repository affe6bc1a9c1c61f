package io.trustchain.inventory;

/**
 * One Python string literal (single, double or triple quotes; raw with an r prefix) with Python's
 * backslash escapes (n, t, r, a, b, f, v, xHH, uHHHH, UHHHHHHHH, octal, line continuation); an
 * unknown escape keeps its backslash.
 */
final class PythonString {

  /** The string's value and the index just after its closing quote. */
  record Read(String value, int end) {}

  private static final class Malformed extends RuntimeException {
    Malformed() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private int pos;

  private PythonString(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  /** The literal whose opening quote is at {@code start}, or null when it is not a valid literal. */
  static Read read(String text, int start, boolean raw) {
    PythonString p = new PythonString(text, start);
    try {
      String value = p.string(raw);
      return new Read(value, p.pos);
    } catch (Malformed e) {
      return null;
    }
  }

  private String string(boolean raw) {
    char quote = text.charAt(pos);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new Malformed();
      }
      char c = text.charAt(pos);
      if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        return out.toString();
      }
      if (c == '\n' && !triple) {
        throw new Malformed();
      }
      if (c == '\\' && pos + 1 < text.length()) {
        if (raw) {
          out.append(c).append(text.charAt(pos + 1));
          pos += 2;
        } else {
          escape(out);
        }
        continue;
      }
      out.append(c);
      pos++;
    }
  }

  private void escape(StringBuilder out) {
    char e = text.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '\n' -> { }
      case '\\', '\'', '"' -> out.append(e);
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'v' -> out.append('\u000b');
      case 'x' -> out.appendCodePoint(hex(2));
      case 'u' -> out.appendCodePoint(hex(4));
      case 'U' -> out.appendCodePoint(hex(8));
      default -> {
        if (e >= '0' && e <= '7') {
          int start = pos - 1;
          while (pos < text.length() && pos - start < 3 && text.charAt(pos) >= '0' && text.charAt(pos) <= '7') {
            pos++;
          }
          out.appendCodePoint(Integer.parseInt(text.substring(start, pos), 8));
        } else {
          out.append('\\').append(e);
        }
      }
    }
  }

  private int hex(int digits) {
    if (pos + digits > text.length()) {
      throw new Malformed();
    }
    try {
      int cp = Integer.parseInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return cp;
    } catch (NumberFormatException e) {
      throw new Malformed();
    }
  }}
