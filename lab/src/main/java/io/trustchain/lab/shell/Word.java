package io.trustchain.lab.shell;

import java.util.List;
import java.util.Objects;

/**
 * One sh word as parsed: literal text, quoted text, parameter expansions and command
 * substitutions, in order. {@code toString()} is the source text.
 */
record Word(List<Part> parts, String source) {

  Word {
    parts = List.copyOf(parts);
    Objects.requireNonNull(source, "source == null");
  }

  /** A piece of a word. {@code quoted} parts are not field-split. */
  sealed interface Part {
    boolean quoted();
  }

  /** Text as written; {@code quoted} for single quotes, double quotes and backslash escapes. */
  record Text(String text, boolean quoted) implements Part {}

  /** {@code $name}, {@code ${name}}, {@code $?}, {@code $#}, {@code $1}. */
  record Param(String name, boolean quoted) implements Part {}

  /** {@code $(…)}: the output of a script, trailing newlines removed. */
  record Substitution(Ast.Sequence script, boolean quoted) implements Part {}

  /** The text when the word is only unquoted literal text (reserved words, names), else null. */
  String plain() {
    if (parts.size() == 1) { // most words: asked at every look-ahead of the parser
      return parts.get(0) instanceof Text t && !t.quoted() ? t.text() : null;
    }
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      if (!(p instanceof Text t) || t.quoted()) {
        return null;
      }
      s.append(t.text());
    }
    return s.toString();
  }

  /** The text when the word has no expansion at all (quotes allowed), else null. */
  String literal() {
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      if (!(p instanceof Text t)) {
        return null;
      }
      s.append(t.text());
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
