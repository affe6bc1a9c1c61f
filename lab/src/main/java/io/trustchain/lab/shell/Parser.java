package io.trustchain.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the sh subset: lists, {@code && || !}, pipelines, simple commands
 * with assignments and redirections, {@code if}, {@code for … in}, {@code while}, {@code until},
 * {@code { …; }} and function definitions ({@code name() compound-command [redirections]}). The whole script is
 * parsed before anything runs.
 */
final class Parser {

  private static final Set<String> TERMINATORS = Set.of("then", "elif", "else", "fi", "do", "done", "}");

  private static final Map<String, String> UNSUPPORTED_KEYWORDS = Map.of(
      "case", "case … esac",
      "select", "select loops",
      "function", "function definitions",
      "[[", "[[ … ]]",
      "time", "the time keyword");

  /** POSIX's special builtins, which a function may not be named after ({@code `exit': is a special builtin}). */
  private static final Set<String> SPECIAL_BUILTINS = Set.of(
      "break", ":", "continue", ".", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "times",
      "trap", "unset");

  /** The words a function's body may start with: a compound command. */
  private static final Set<String> COMPOUND_STARTS = Set.of("{", "if", "for", "while", "until");

  private static final Set<String> UNSUPPORTED_BUILTINS = Set.of(
      "eval", "exec", "set", "shift", "trap", "source", ".", "local", "return", "cd", "wait", "alias",
      "unalias", "ulimit", "getopts", "command", "type", "hash", "readonly", "jobs", "fg", "bg",
      "kill", "times", "let", "declare", "typeset", "pushd", "popd");

  private final Lexer lexer;
  private Token peeked;

  Parser(Lexer lexer) {
    this.lexer = lexer;
  }

  /** The whole script, or the reason it will not run. */
  static Ast.Sequence parse(String script) throws SyntaxException {
    Parser p = new Parser(new Lexer(script, 0, 1));
    Ast.Sequence program = p.list();
    Token t = p.peek();
    if (t.type() != Token.Type.END) {
      throw SyntaxException.unexpected(t.text(), t.line());
    }
    return program;
  }

  Lexer lexer() {
    return lexer;
  }

  /** The body of {@code $(…)}, consuming the closing parenthesis and nothing after it. */
  Ast.Sequence substitution() throws SyntaxException {
    Ast.Sequence body = list();
    Token t = next();
    if (t.type() == Token.Type.END) {
      throw SyntaxException.endOfFile("matching `)'", t.line());
    }
    if (!t.isOperator(")")) {
      throw SyntaxException.unexpected(t.text(), t.line());
    }
    return body;
  }

  private Ast.Sequence list() throws SyntaxException {
    List<Ast.Node> items = new ArrayList<>();
    skipNewlines();
    while (!atListEnd(peek())) {
      items.add(andOr());
      Token t = peek();
      if (t.isOperator(";") || t.type() == Token.Type.NEWLINE) {
        next();
        skipNewlines();
      } else {
        break;
      }
    }
    return new Ast.Sequence(items);
  }

  private Ast.Sequence body() throws SyntaxException {
    Ast.Sequence s = list();
    if (s.items().isEmpty()) {
      Token t = peek();
      if (t.type() == Token.Type.END) {
        throw SyntaxException.endOfFile(null, t.line());
      }
      throw SyntaxException.unexpected(t.text(), t.line());
    }
    return s;
  }

  private static boolean atListEnd(Token t) {
    return t.type() == Token.Type.END || t.isOperator(")")
        || t.type() == Token.Type.WORD && t.word().plain() != null && TERMINATORS.contains(t.word().plain());
  }

  private Ast.Node andOr() throws SyntaxException {
    Ast.Node first = pipeline();
    List<Ast.Link> rest = new ArrayList<>();
    while (peek().isOperator("&&") || peek().isOperator("||")) {
      boolean and = next().isOperator("&&");
      skipNewlines();
      rest.add(new Ast.Link(and, pipeline()));
    }
    return rest.isEmpty() ? first : new Ast.AndOr(first, rest);
  }

  private Ast.Node pipeline() throws SyntaxException {
    boolean negated = false;
    if (peek().isReserved("!")) {
      next();
      negated = true;
    }
    List<Ast.Node> stages = new ArrayList<>();
    stages.add(command());
    while (peek().isOperator("|")) {
      next();
      skipNewlines();
      stages.add(command());
    }
    return stages.size() == 1 && !negated ? stages.get(0) : new Ast.Pipeline(stages, negated);
  }

  private Ast.Node command() throws SyntaxException {
    Token t = peek();
    if (t.isOperator("(")) {
      throw SyntaxException.unsupported("subshell ( … )", t.line());
    }
    String word = t.type() == Token.Type.WORD ? t.word().plain() : null;
    if (word != null && UNSUPPORTED_KEYWORDS.containsKey(word)) {
      throw SyntaxException.unsupported(UNSUPPORTED_KEYWORDS.get(word), t.line());
    }
    if (word != null && TERMINATORS.contains(word)) {
      throw SyntaxException.unexpected(word, t.line());
    }
    Ast.Node compound = word == null ? null : switch (word) {
      case "if" -> ifClause();
      case "for" -> forClause();
      case "while", "until" -> loop();
      case "{" -> group();
      default -> null;
    };
    if (compound == null) {
      return simple();
    }
    List<Ast.Redirect> redirects = new ArrayList<>();
    while (peek().type() == Token.Type.REDIRECT) {
      redirects.add(redirect(next()));
    }
    if (peek().type() == Token.Type.WORD) {
      throw SyntaxException.unexpected(peek().text(), peek().line());
    }
    return redirects.isEmpty() ? compound : new Ast.Redirected(compound, redirects);
  }

  private Ast.Node simple() throws SyntaxException {
    int line = peek().line();
    List<Ast.Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Ast.Redirect> redirects = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.type() == Token.Type.REDIRECT) {
        redirects.add(redirect(next()));
      } else if (t.type() == Token.Type.WORD) {
        next();
        Ast.Assignment a = words.isEmpty() ? assignment(t.word()) : null;
        if (a != null) {
          assignments.add(a);
        } else {
          words.add(t.word());
          if (words.size() == 1 && peek().isOperator("(")) {
            if (!assignments.isEmpty() || !redirects.isEmpty()) {
              throw SyntaxException.unexpected("(", peek().line());
            }
            return function(t);
          }
        }
      } else {
        break;
      }
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      Token t = peek();
      if (t.type() == Token.Type.END) {
        throw SyntaxException.endOfFile(null, t.line());
      }
      throw SyntaxException.unexpected(t.text(), t.line());
    }
    if (!words.isEmpty() && words.get(0).plain() != null && UNSUPPORTED_BUILTINS.contains(words.get(0).plain())) {
      throw SyntaxException.unsupported("the builtin " + words.get(0).plain(), line);
    }
    return new Ast.Simple(assignments, words, redirects, line);
  }

  /**
   * {@code name() compound-command [redirections]}, after its name: the body is a compound command (bash refuses
   * {@code f() echo hi}), and the redirections apply at each call.
   */
  private Ast.Node function(Token name) throws SyntaxException {
    String plain = name.word().plain();
    if (plain == null || !Lexer.isName(plain)) {
      throw SyntaxException.unexpected("(", name.line());
    }
    if (SPECIAL_BUILTINS.contains(plain)) {
      throw SyntaxException.specialBuiltin(plain, name.line());
    }
    next();
    Token close = next();
    if (!close.isOperator(")")) {
      throw unexpectedOrEnd(close, "`)'");
    }
    skipNewlines();
    Token t = peek();
    String word = t.type() == Token.Type.WORD ? t.word().plain() : null;
    if (word == null || !COMPOUND_STARTS.contains(word)) {
      throw unexpectedOrEnd(t, "a compound command");
    }
    return new Ast.Function(plain, command());
  }

  private Ast.Redirect redirect(Token op) throws SyntaxException {
    Token target = next();
    if (target.type() != Token.Type.WORD) {
      if (target.type() == Token.Type.END) {
        throw SyntaxException.endOfFile(null, target.line());
      }
      throw SyntaxException.unexpected(target.text(), target.line());
    }
    boolean input = op.redirect() == Ast.Redirect.Kind.IN;
    if (input != (op.fd() == 0)) {
      throw SyntaxException.unsupported("the redirection " + op.text() + target.text(), op.line());
    }
    if (op.redirect() == Ast.Redirect.Kind.DUP) {
      String fd = target.word().literal();
      if (!"1".equals(fd) && !"2".equals(fd)) {
        throw SyntaxException.unsupported("the redirection " + op.text() + target.text(), op.line());
      }
    }
    return new Ast.Redirect(op.fd(), op.redirect(), target.word());
  }

  /** {@code NAME=value} as the assignment it is, else null. */
  private static Ast.Assignment assignment(Word w) {
    if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Word.Text first) || first.quoted()) {
      return null;
    }
    int eq = first.text().indexOf('=');
    if (eq <= 0 || !Lexer.isName(first.text().substring(0, eq))) {
      return null;
    }
    List<Word.Part> value = new ArrayList<>();
    String rest = first.text().substring(eq + 1);
    if (!rest.isEmpty()) {
      value.add(new Word.Text(rest, false));
    }
    value.addAll(w.parts().subList(1, w.parts().size()));
    String source = w.source().substring(w.source().indexOf('=') + 1);
    return new Ast.Assignment(first.text().substring(0, eq), new Word(value, source));
  }

  private Ast.Node ifClause() throws SyntaxException {
    next();
    List<Ast.Branch> branches = new ArrayList<>();
    Ast.Sequence condition = body();
    expect("then");
    branches.add(new Ast.Branch(condition, body()));
    Ast.Sequence otherwise = null;
    while (true) {
      Token t = next();
      if (t.isReserved("elif")) {
        Ast.Sequence c = body();
        expect("then");
        branches.add(new Ast.Branch(c, body()));
      } else if (t.isReserved("else")) {
        otherwise = body();
        expect("fi");
        break;
      } else if (t.isReserved("fi")) {
        break;
      } else {
        throw unexpectedOrEnd(t, "`fi'");
      }
    }
    return new Ast.If(branches, otherwise);
  }

  private Ast.Node forClause() throws SyntaxException {
    Token f = next();
    Token name = next();
    if (name.type() != Token.Type.WORD || name.word().plain() == null || !Lexer.isName(name.word().plain())) {
      throw unexpectedOrEnd(name, "a variable name after for");
    }
    skipNewlines();
    if (!peek().isReserved("in")) {
      throw SyntaxException.unsupported("for without in (it iterates over \"$@\")", f.line());
    }
    next();
    List<Word> words = new ArrayList<>();
    while (peek().type() == Token.Type.WORD) {
      words.add(next().word());
    }
    Token sep = next();
    if (!sep.isOperator(";") && sep.type() != Token.Type.NEWLINE) {
      throw unexpectedOrEnd(sep, "`do'");
    }
    skipNewlines();
    expect("do");
    Ast.Sequence body = body();
    expect("done");
    return new Ast.For(name.word().plain(), words, body);
  }

  private Ast.Node loop() throws SyntaxException {
    boolean until = next().isReserved("until");
    Ast.Sequence condition = body();
    expect("do");
    Ast.Sequence body = body();
    expect("done");
    return new Ast.Loop(until, condition, body);
  }

  private Ast.Node group() throws SyntaxException {
    next();
    Ast.Sequence body = body();
    expect("}");
    return new Ast.Group(body);
  }

  private void expect(String reserved) throws SyntaxException {
    Token t = next();
    if (!t.isReserved(reserved)) {
      throw unexpectedOrEnd(t, "`" + reserved + "'");
    }
  }

  private static SyntaxException unexpectedOrEnd(Token t, String lookingFor) {
    return t.type() == Token.Type.END
        ? SyntaxException.endOfFile(lookingFor, t.line())
        : SyntaxException.unexpected(t.text(), t.line());
  }

  private void skipNewlines() throws SyntaxException {
    while (peek().type() == Token.Type.NEWLINE) {
      next();
    }
  }

  private Token peek() throws SyntaxException {
    if (peeked == null) {
      peeked = lexer.next();
    }
    return peeked;
  }

  private Token next() throws SyntaxException {
    Token t = peek();
    peeked = null;
    return t;
  }
}
