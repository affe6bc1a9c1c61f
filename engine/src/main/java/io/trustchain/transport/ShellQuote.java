package io.trustchain.transport;

import java.util.regex.Pattern;

/** POSIX sh quoting, in one place. */
public final class ShellQuote {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ShellQuote() {}

  /** {@code word} as one sh word: bare when safe, else in single quotes. */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }
}
