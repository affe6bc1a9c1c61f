package io.trustchain.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words as Python's {@code shlex.split(line, comments=True)} does (POSIX
 * rules: single quotes keep everything, double quotes let a backslash escape only {@code "} and
 * {@code \}, a backslash outside quotes escapes any character, {@code #} starts a comment even
 * inside a word), remembering where each word starts.
 */
final class ShellWords {

  /** One word and the 0-based index of its first character in the line. */
  record Word(String text, int start) {}

  /** A line that cannot be split; {@code position} is the 0-based index of the culprit. */
  static final class SplitException extends Exception {
    final int position;

    SplitException(String message, int position) {
      super(message, null, false, false);
      this.position = position;
    }
  }

  private ShellWords() {}

  static List<Word> split(String line) throws SplitException {
    List<Word> words = new ArrayList<>();
    StringBuilder word = null;
    int start = -1;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (word != null) {
          words.add(new Word(word.toString(), start));
          word = null;
        }
        i++;
        continue;
      }
      if (c == '#') {
        break;
      }
      if (word == null) {
        word = new StringBuilder();
        start = i;
      }
      switch (c) {
        case '\'' -> {
          int close = line.indexOf('\'', i + 1);
          if (close < 0) {
            throw new SplitException("no closing quotation", i);
          }
          word.append(line, i + 1, close);
          i = close + 1;
        }
        case '"' -> i = doubleQuoted(line, i, word);
        case '\\' -> {
          if (i + 1 >= line.length()) {
            throw new SplitException("no escaped character after the backslash", i);
          }
          word.append(line.charAt(i + 1));
          i += 2;
        }
        default -> {
          word.append(c);
          i++;
        }
      }
    }
    if (word != null) {
      words.add(new Word(word.toString(), start));
    }
    return words;
  }

  private static int doubleQuoted(String line, int open, StringBuilder word) throws SplitException {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        if (next != '"' && next != '\\') {
          word.append('\\');
        }
        word.append(next);
        i += 2;
        continue;
      }
      word.append(c);
      i++;
    }
    throw new SplitException("no closing quotation", open);
  }
}
