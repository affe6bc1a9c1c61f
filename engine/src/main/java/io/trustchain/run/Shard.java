package io.trustchain.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --shard I/N}: the I-th of N disjoint parts of the hosts (1-based, like GitLab's
 * {@code CI_NODE_INDEX}, Jest and Playwright), for CI matrices and Kubernetes indexed jobs. The
 * hosts are ordered by the SHA-256 of their names (then by name) and dealt out in turn: every host
 * is in exactly one shard, shard sizes differ by at most one, and the split depends on nothing but
 * the host names and N — not on the inventory's order, the machine, or the JVM. Adding or removing
 * hosts may move others to another shard; each pipeline run computes every shard from the same
 * documents, and a saved plan records the hosts it was made for.
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("--shard I/N needs 1 <= I <= N, not " + index + "/" + count);
    }
  }

  public static Shard parse(String text) {
    String s = text == null ? "" : text.strip();
    int slash = s.indexOf('/');
    try {
      if (slash > 0) {
        return new Shard(Integer.parseInt(s.substring(0, slash).strip()), Integer.parseInt(s.substring(slash + 1).strip()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--shard takes I/N, the I-th of N parts counted from 1 (e.g. 2/4), not \""
        + text + "\"");
  }

  /** The items of this shard, in their original order. */
  public <T> List<T> select(List<T> items, Function<T, String> name) {
    List<T> ordered = new ArrayList<>(items);
    ordered.sort(Comparator.comparing((T t) -> sha256(name.apply(t))).thenComparing(name));
    Set<String> mine = new java.util.HashSet<>();
    for (int i = index - 1; i < ordered.size(); i += count) {
      mine.add(name.apply(ordered.get(i)));
    }
    return items.stream().filter(t -> mine.contains(name.apply(t))).collect(Collectors.toList());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
