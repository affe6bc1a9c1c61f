package io.trustchain.lab.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits sh source into tokens. Words keep their quoting; {@code $(…)} is parsed on the spot by a
 * nested {@link Parser}. Constructs outside the subset fail here with
 * {@link SyntaxException#unsupported}.
 */
final class Lexer {

  private static final String METACHARS = " \t\n;&|()<>";

  private final String src;
  private int pos;
  private int line;

  Lexer(String src, int pos, int line) {
    this.src = src;
    this.pos = pos;
    this.line = line;
  }

  int pos() {
    return pos;
  }

  int line() {
    return line;
  }

  Token next() throws SyntaxException {
    skipBlanks();
    if (pos >= src.length()) {
      return Token.end(line);
    }
    char c = src.charAt(pos);
    int at = line;
    switch (c) {
      case '\n' -> {
        pos++;
        line++;
        return Token.newline(at);
      }
      case ';' -> {
        if (peek(1) == ';') {
          throw SyntaxException.unexpected(";;", at);
        }
        pos++;
        return Token.operator(";", at);
      }
      case '&' -> {
        if (peek(1) == '&') {
          pos += 2;
          return Token.operator("&&", at);
        }
        if (peek(1) == '>') {
          throw SyntaxException.unsupported("the redirection &>", at);
        }
        throw SyntaxException.unsupported("background job &", at);
      }
      case '|' -> {
        if (peek(1) == '|') {
          pos += 2;
          return Token.operator("||", at);
        }
        if (peek(1) == '&') {
          throw SyntaxException.unsupported("the pipe |&", at);
        }
        pos++;
        return Token.operator("|", at);
      }
      case '(', ')' -> {
        pos++;
        return Token.operator(String.valueOf(c), at);
      }
      case '<', '>' -> {
        return redirect(-1);
      }
      default -> {
        int digits = 0;
        while (Character.isDigit(peek(digits))) {
          digits++;
        }
        if (digits > 0 && (peek(digits) == '<' || peek(digits) == '>')) {
          int fd = Integer.parseInt(src.substring(pos, pos + digits));
          pos += digits;
          return redirect(fd);
        }
        return Token.word(word(), at);
      }
    }
  }

  private Token redirect(int fd) throws SyntaxException {
    int at = line;
    char c = src.charAt(pos);
    char n = peek(1);
    Ast.Redirect.Kind kind;
    String op;
    if (c == '>') {
      if (n == '>') {
        kind = Ast.Redirect.Kind.APPEND;
        op = ">>";
      } else if (n == '&') {
        kind = Ast.Redirect.Kind.DUP;
        op = ">&";
      } else if (n == '|') {
        throw SyntaxException.unsupported("the redirection >|", at);
      } else {
        kind = Ast.Redirect.Kind.OUT;
        op = ">";
      }
    } else {
      if (n == '<') {
        throw SyntaxException.unsupported(
            peek(2) == '<' ? "here-string <<<" : "here-document <<", at);
      } else if (n == '&') {
        throw SyntaxException.unsupported("the redirection <&", at);
      } else if (n == '>') {
        throw SyntaxException.unsupported("the redirection <>", at);
      }
      kind = Ast.Redirect.Kind.IN;
      op = "<";
    }
    pos += op.length();
    int target = fd >= 0 ? fd : kind == Ast.Redirect.Kind.IN ? 0 : 1;
    if (target > 2) {
      throw SyntaxException.unsupported("the file descriptor " + target, at);
    }
    return Token.redirect((fd >= 0 ? String.valueOf(fd) : "") + op, target, kind, at);
  }

  private void skipBlanks() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\\' && peek(1) == '\n') {
        pos += 2;
        line++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private Word word() throws SyntaxException {
    int start = pos;
    List<Word.Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (pos < src.length()) {
      int plainEnd = plainRun(pos);
      if (plainEnd > pos) { // ordinary characters, taken at once
        text.append(src, pos, plainEnd);
        pos = plainEnd;
        continue;
      }
      char c = src.charAt(pos);
      if (isMeta(c)) {
        break;
      }
      switch (c) {
        case '\'' -> {
          flush(text, parts);
          int close = src.indexOf('\'', pos + 1);
          if (close < 0) {
            throw SyntaxException.endOfFile("matching `''", line);
          }
          String inner = src.substring(pos + 1, close);
          line += count(inner, '\n');
          parts.add(new Word.Text(inner, true));
          pos = close + 1;
        }
        case '"' -> {
          flush(text, parts);
          doubleQuoted(parts);
        }
        case '\\' -> {
          if (peek(1) == '\n') {
            pos += 2;
            line++;
          } else if (pos + 1 < src.length()) {
            flush(text, parts);
            parts.add(new Word.Text(String.valueOf(src.charAt(pos + 1)), true));
            pos += 2;
          } else {
            text.append(c);
            pos++;
          }
        }
        case '$' -> {
          flush(text, parts);
          dollar(parts, false);
        }
        case '`' -> throw SyntaxException.unsupported("backtick command substitution `…`", line);
        case '*', '?' -> throw SyntaxException.unsupported(
            "the glob character " + c + " in the unquoted word " + rest(start), line);
        case '~' -> {
          if (pos == start) {
            throw SyntaxException.unsupported("tilde expansion in " + rest(start), line);
          }
          text.append(c);
          pos++;
        }
        default -> {
          text.append(c);
          pos++;
        }
      }
    }
    flush(text, parts);
    for (Word.Part p : parts) {
      if (p instanceof Word.Text t && !t.quoted()) {
        int open = t.text().indexOf('[');
        if (open >= 0 && t.text().indexOf(']', open + 1) > open) {
          throw SyntaxException.unsupported(
              "the glob pattern [...] in the unquoted word " + src.substring(start, pos), line);
        }
      }
    }
    return new Word(parts, src.substring(start, pos));
  }

  private void doubleQuoted(List<Word.Part> parts) throws SyntaxException {
    int openLine = line;
    pos++;
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw SyntaxException.endOfFile("matching `\"' (opened on line " + openLine + ")", line);
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        parts.add(new Word.Text(text.toString(), true));
        return;
      }
      switch (c) {
        case '\\' -> {
          char n = peek(1);
          if (n == '$' || n == '`' || n == '"' || n == '\\') {
            text.append(n);
            pos += 2;
          } else if (n == '\n') {
            pos += 2;
            line++;
          } else {
            text.append(c);
            pos++;
          }
        }
        case '$' -> {
          if (!text.isEmpty()) {
            parts.add(new Word.Text(text.toString(), true));
            text.setLength(0);
          }
          dollar(parts, true);
        }
        case '`' -> throw SyntaxException.unsupported("backtick command substitution `…`", line);
        default -> {
          if (c == '\n') {
            line++;
          }
          text.append(c);
          pos++;
        }
      }
    }
  }

  private void dollar(List<Word.Part> parts, boolean quoted) throws SyntaxException {
    char n = peek(1);
    if (n == '(') {
      if (peek(2) == '(') {
        throw SyntaxException.unsupported("arithmetic expansion $((…))", line);
      }
      pos += 2;
      Parser nested = new Parser(new Lexer(src, pos, line));
      Ast.Sequence script = nested.substitution();
      pos = nested.lexer().pos();
      line = nested.lexer().line();
      parts.add(new Word.Substitution(script, quoted));
    } else if (n == '{') {
      int close = src.indexOf('}', pos + 2);
      if (close < 0) {
        throw SyntaxException.endOfFile("matching `}'", line);
      }
      String name = src.substring(pos + 2, close);
      if (!isName(name) && !name.matches("[0-9]+|[?#]")) {
        throw SyntaxException.unsupported("the parameter expansion ${" + name + "}", line);
      }
      parts.add(new Word.Param(name, quoted));
      pos = close + 1;
    } else if (n == '_' || Character.isLetter(n) && n < 128) {
      int end = pos + 1;
      while (end < src.length() && isNameChar(src.charAt(end))) {
        end++;
      }
      parts.add(new Word.Param(src.substring(pos + 1, end), quoted));
      pos = end;
    } else if (Character.isDigit(n) || n == '?' || n == '#') {
      parts.add(new Word.Param(String.valueOf(n), quoted));
      pos += 2;
    } else if (n != 0 && "@*$!-".indexOf(n) >= 0) {
      throw SyntaxException.unsupported("the special parameter $" + n, line);
    } else if (!quoted && (n == '\'' || n == '"')) {
      throw SyntaxException.unsupported("the quoting $" + n + "…" + n, line);
    } else {
      parts.add(new Word.Text("$", quoted));
      pos++;
    }
  }

  static boolean isName(String s) {
    if (s.isEmpty() || !(s.charAt(0) == '_' || Character.isLetter(s.charAt(0)) && s.charAt(0) < 128)) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isNameChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c < 128 && Character.isLetterOrDigit(c);
  }

  private String rest(int start) {
    int end = pos;
    while (end < src.length() && !isMeta(src.charAt(end))) {
      end++;
    }
    return src.substring(start, end);
  }

  /** Characters that end a word, and those a word treats specially; the rest are taken as they are. */
  private static final boolean[] META = new boolean[128];
  private static final boolean[] SPECIAL = new boolean[128];

  static {
    for (char c : METACHARS.toCharArray()) {
      META[c] = true;
      SPECIAL[c] = true;
    }
    for (char c : "'\"\\$`*?~".toCharArray()) {
      SPECIAL[c] = true;
    }
  }

  private static boolean isMeta(char c) {
    return c < 128 && META[c];
  }

  /** The end of the run of ordinary word characters from {@code from}. */
  private int plainRun(int from) {
    int end = from;
    while (end < src.length()) {
      char c = src.charAt(end);
      if (c < 128 && SPECIAL[c]) {
        break;
      }
      end++;
    }
    return end;
  }

  private static void flush(StringBuilder text, List<Word.Part> parts) {
    if (!text.isEmpty()) {
      parts.add(new Word.Text(text.toString(), false));
      text.setLength(0);
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < src.length() ? src.charAt(at) : 0;
  }
}
