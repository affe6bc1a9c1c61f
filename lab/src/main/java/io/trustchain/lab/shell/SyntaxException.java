package io.trustchain.lab.shell;

/**
 * A script the lab will not run: a syntax error, or a construct outside the sh subset the engine
 * emits. The message is what the shell prints on stderr; the exit status is 2.
 */
final class SyntaxException extends Exception {

  static final String SUBSET = "(the lab runs the POSIX sh subset the engine emits)";

  private SyntaxException(String message) {
    super(message, null, false, false);
  }

  /** {@code sh: unsupported: <construct> (the lab runs the POSIX sh subset the engine emits)}. */
  static SyntaxException unsupported(String construct, int line) {
    return new SyntaxException("sh: unsupported: " + construct + ", line " + line + " " + SUBSET);
  }

  static SyntaxException unexpected(String token, int line) {
    return new SyntaxException("sh: line " + line + ": syntax error near unexpected token `" + token + "'");
  }

  /** A function named after a special builtin, as bash in its POSIX mode says it. */
  static SyntaxException specialBuiltin(String name, int line) {
    return new SyntaxException("sh: line " + line + ": `" + name + "': is a special builtin");
  }

  static SyntaxException endOfFile(String lookingFor, int line) {
    return new SyntaxException("sh: line " + line + ": syntax error: unexpected end of file"
        + (lookingFor == null ? "" : " while looking for " + lookingFor));
  }
}
