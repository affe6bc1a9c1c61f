package io.trustchain.lab.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Word expansion: parameters and command substitutions, then field splitting of the unquoted
 * expansion results on {@code $IFS}. There is no pathname expansion: glob characters in unquoted
 * source text are refused by the lexer, and those produced by expansions stay literal (as when no
 * file matches).
 */
final class Expansion {

  private Expansion() {}

  /** The fields of {@code word} (none for an unquoted empty expansion). */
  static List<String> fields(Shell sh, Word word, Io io) throws IOException {
    if (word.parts().size() == 1 && word.parts().get(0) instanceof Word.Text t) {
      return t.text().isEmpty() && !t.quoted() ? List.of() : List.of(t.text()); // literal text: nothing to split
    }
    StringBuilder text = new StringBuilder();
    BitSet splittable = new BitSet();
    boolean quoted = false;
    for (Word.Part part : word.parts()) {
      String value = value(sh, part, io);
      quoted |= part.quoted();
      if (!part.quoted() && !(part instanceof Word.Text)) {
        splittable.set(text.length(), text.length() + value.length());
      }
      text.append(value);
    }
    return split(text, splittable, quoted, sh.ifs());
  }

  /** {@code word} as one string, without field splitting (assignments, redirection targets). */
  static String single(Shell sh, Word word, Io io) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Word.Part part : word.parts()) {
      text.append(value(sh, part, io));
    }
    return text.toString();
  }

  private static String value(Shell sh, Word.Part part, Io io) throws IOException {
    return switch (part) {
      case Word.Text t -> t.text();
      case Word.Param p -> sh.get(p.name());
      case Word.Substitution s -> substitute(sh, s.script(), io);
    };
  }

  /** Runs {@code script} in a subshell and returns its output without trailing newlines. */
  static String substitute(Shell sh, Ast.Sequence script, Io io) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Shell sub = sh.fork();
    int result = sub.runIsolated(script, io.withOut(out));
    sh.substitutionStatus = result;
    sh.status = result;
    String s = out.toString(StandardCharsets.UTF_8);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * POSIX field splitting: IFS white space is trimmed and collapses; each other IFS character
   * delimits one field (with any white space around it).
   */
  static List<String> split(CharSequence text, BitSet splittable, boolean quoted, String ifs) {
    List<String> fields = new ArrayList<>();
    if (splittable.isEmpty()) { // nothing expanded unquoted ("$tc_b"): one field, or none
      if (quoted || !text.isEmpty()) {
        fields.add(text.toString());
      }
      return fields;
    }
    StringBuilder current = new StringBuilder();
    boolean content = quoted;
    boolean afterWhiteDelimiter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!splittable.get(i) || ifs.indexOf(c) < 0) {
        current.append(c);
        content = true;
        afterWhiteDelimiter = false;
        continue;
      }
      if (isWhite(c)) {
        if (content) {
          fields.add(current.toString());
          current.setLength(0);
          content = false;
          afterWhiteDelimiter = true;
        }
      } else {
        if (!afterWhiteDelimiter) {
          fields.add(current.toString());
          current.setLength(0);
        }
        content = false;
        afterWhiteDelimiter = false;
      }
    }
    if (content) {
      fields.add(current.toString());
    }
    return fields;
  }

  static boolean isWhite(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }
}
