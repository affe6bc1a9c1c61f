package io.trustchain.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one (Damerau-Levenshtein distance). */
public final class DidYouMean {

  private DidYouMean() {}

  /** The closest candidate within a distance that scales with the word's length, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, w.length() / 3));
    return candidates.stream()
        .filter(c -> distance(w, c.toLowerCase(Locale.ROOT)) <= limit
            || (w.length() >= 4 && c.toLowerCase(Locale.ROOT).startsWith(w)))
        .min(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** A ready-made hint, {@code did you mean "x"?}, or null. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean \"" + c + "\"?").orElse(null);
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
