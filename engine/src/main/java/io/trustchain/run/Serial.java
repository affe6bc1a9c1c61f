package io.trustchain.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code --serial}: how many hosts each batch of a rollout takes, as Ansible's {@code serial}: a
 * number ({@code 5}), a percentage of the hosts of the run ({@code 25%}, rounded down, at least 1),
 * or a list of them ({@code 1,5,25%}) where the last size repeats until every host had its turn.
 * Absent: one batch with every host.
 */
public record Serial(List<String> sizes) {

  public Serial {
    sizes = List.copyOf(sizes);
  }

  public static Serial all() {
    return new Serial(List.of());
  }

  /** Parses {@code N}, {@code P%} or a comma-separated list of them. */
  public static Serial parse(String text) {
    Objects.requireNonNull(text, "text == null");
    List<String> sizes = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String s = part.strip();
      boolean pct = s.endsWith("%");
      String digits = pct ? s.substring(0, s.length() - 1).strip() : s;
      int n;
      try {
        n = Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--serial takes a number of hosts (5), a percentage (25%) or a list of "
            + "them (1,5,25%), not \"" + text + "\"");
      }
      if (n < 1 || pct && n > 100) {
        throw new IllegalArgumentException("--serial " + text + ": each batch size must be at least 1"
            + (pct ? " and a percentage at most 100%" : ""));
      }
      sizes.add(n + (pct ? "%" : ""));
    }
    return new Serial(sizes);
  }

  /** {@code items} cut into batches, in order. */
  public <T> List<List<T>> batches(List<T> items) {
    List<List<T>> out = new ArrayList<>();
    int total = items.size();
    int at = 0;
    int i = 0;
    while (at < total) {
      int size = sizes.isEmpty() ? total : size(sizes.get(Math.min(i, sizes.size() - 1)), total);
      out.add(List.copyOf(items.subList(at, Math.min(total, at + size))));
      at += size;
      i++;
    }
    return out;
  }

  private static int size(String spec, int total) {
    if (spec.endsWith("%")) {
      int pct = Integer.parseInt(spec.substring(0, spec.length() - 1));
      return Math.max(1, pct * total / 100);
    }
    return Integer.parseInt(spec);
  }

  @Override
  public String toString() {
    return sizes.isEmpty() ? "all" : String.join(",", sizes);
  }
}
