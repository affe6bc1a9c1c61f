package io.trustchain.transport;


/** POSIX sh quoting, in one place. */
public final class ShellQuote {

  private ShellQuote() {}

  /** {@code word} as one sh word: bare when safe ({@code [A-Za-z0-9_./:=@%+,-]+}), else in single quotes. */
  public static String quote(String word) {
    if (isSafe(word)) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  private static boolean isSafe(String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "_./:=@%+,-".indexOf(c) >= 0;
      if (!safe) {
        return false;
      }
    }
    return true;
  }
}
