package io.trustchain.lab.shell;

/**
 * One lexical token: a word, an operator ({@code ; && || | ( )}), a redirection operator with its
 * file descriptor, a newline, or the end of the input.
 */
record Token(Type type, String text, Word word, int fd, Ast.Redirect.Kind redirect, int line) {

  enum Type {
    WORD, OPERATOR, REDIRECT, NEWLINE, END
  }

  static Token word(Word word, int line) {
    return new Token(Type.WORD, word.source(), word, -1, null, line);
  }

  static Token operator(String text, int line) {
    return new Token(Type.OPERATOR, text, null, -1, null, line);
  }

  static Token redirect(String text, int fd, Ast.Redirect.Kind kind, int line) {
    return new Token(Type.REDIRECT, text, null, fd, kind, line);
  }

  static Token newline(int line) {
    return new Token(Type.NEWLINE, "newline", null, -1, null, line);
  }

  static Token end(int line) {
    return new Token(Type.END, "end of file", null, -1, null, line);
  }

  boolean isOperator(String op) {
    return type == Type.OPERATOR && text.equals(op);
  }

  /** Whether this is the unquoted word {@code reserved} ({@code then}, {@code done}, {@code {} …). */
  boolean isReserved(String reserved) {
    return type == Type.WORD && reserved.equals(word.plain());
  }

  @Override
  public String toString() {
    return text;
  }
}
