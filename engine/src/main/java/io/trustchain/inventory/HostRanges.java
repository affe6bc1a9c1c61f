package io.trustchain.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's host keys: an optional {@code :port} suffix, and ranges such as {@code mac[01:10]},
 * {@code node-[a:c]} or {@code db[1:9:2]} (begin:end:step, inclusive; a zero-padded begin pads
 * every number; letter ranges run through a-z then A-Z), which may repeat within one name.
 */
final class HostRanges {

  /** The most names one host entry's ranges may make; far above any fleet written as ranges. */
  static final int MAX_NAMES = 100_000;

  /** The most ranges in one host entry (each one is a level of recursion). */
  static final int MAX_RANGES = 8;

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String NUMERIC_RANGE = "\\[[0-9]+:[0-9]+(?::[0-9]+)?\\]";
  private static final String HEX_RANGE = "\\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\\]";
  private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
  private static final String LABEL =
      "(?:\\w|" + ALNUM_RANGE + ")(?:[\\w-]|" + ALNUM_RANGE + ")*(?<![_-])";
  private static final String V4 = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
  private static final String V6 = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";

  private static final Pattern BRACKETED_PORT = Pattern.compile("\\[(.+)\\]:([0-9]+)");
  private static final Pattern HOST_PORT = Pattern.compile("((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)");
  private static final Pattern IPV4 = Pattern.compile("(?:" + V4 + "\\.){3}" + V4, Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV6 = Pattern.compile(String.join("|",
      "(?:" + V6 + ":){7}" + V6,
      "(?:" + V6 + ":){1,6}:",
      "(?:" + V6 + ":)(?::" + V6 + "){1,6}",
      "(?:" + V6 + ":){2}(?::" + V6 + "){1,5}",
      "(?:" + V6 + ":){3}(?::" + V6 + "){1,4}",
      "(?:" + V6 + ":){4}(?::" + V6 + "){1,3}",
      "(?:" + V6 + ":){5}(?::" + V6 + "){1,2}",
      "(?:" + V6 + ":){6}(?::" + V6 + ")",
      ":(?::" + V6 + "){1,6}",
      V6 + "?::",
      "(?:0:){6}(?:" + V6 + "\\.){3}" + V6,
      "::(?:ffff:)?(?:" + V6 + "\\.){3}" + V6,
      "(?:0:){5}ffff:(?:" + V6 + "\\.){3}" + V6), Pattern.CASE_INSENSITIVE);
  private static final Pattern HOSTNAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  /** The expanded names of one host key, and the port written with it (null when none). */
  record Expansion(List<String> names, Integer port) {}

  private HostRanges() {}

  /** Splits the port off and expands ranges; throws with Ansible's reason when a range is wrong. */
  static Expansion expand(String key) {
    String pattern = key;
    Integer port = null;
    Address address = parseAddress(key);
    if (address != null) {
      pattern = address.host;
      port = address.port;
    }
    if (pattern.contains("[")) {
      if (pattern.chars().filter(c -> c == '[').count() > MAX_RANGES) {
        throw new IllegalArgumentException("host \"" + pattern + "\" has more than " + MAX_RANGES + " ranges");
      }
      long count = count(pattern);
      if (count > MAX_NAMES) {
        throw new IllegalArgumentException("host range \"" + pattern + "\" expands to " + count
            + " hosts, more than the " + MAX_NAMES + " one inventory entry may name");
      }
      return new Expansion(expandRanges(pattern), port);
    }
    return new Expansion(List.of(pattern), port);
  }

  /**
   * How many names {@code pattern}'s ranges make (the product of their sizes), counted before any is
   * made; a range that does not parse counts as one (expanding it reports why).
   */
  static long count(String pattern) {
    long total = 1;
    Matcher m = Pattern.compile("\\[([^\\]]*)\\]").matcher(pattern);
    while (m.find()) {
      String[] bounds = m.group(1).split(":", -1);
      long size = 1;
      try {
        long step = bounds.length == 3 ? Math.max(1, Long.parseLong(bounds[2])) : 1;
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        if (bounds.length >= 2 && begin.length() == 1 && bounds[1].length() == 1 && LETTERS.contains(begin)
            && LETTERS.contains(bounds[1])) {
          size = (LETTERS.indexOf(bounds[1]) - LETTERS.indexOf(begin)) / step + 1;
        } else if (bounds.length >= 2) {
          size = (Long.parseLong(bounds[1]) - Long.parseLong(begin)) / step + 1;
        }
      } catch (NumberFormatException e) {
        size = 1;
      }
      try {
        total = Math.multiplyExact(total, Math.max(1, size));
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return total;
  }

  /** {@code host[:port]} when {@code text} is a host name, IPv4/IPv6 address or range; else null. */
  static Address parseAddress(String text) {
    String host = text;
    Integer port = null;
    for (Pattern p : List.of(BRACKETED_PORT, HOST_PORT)) {
      Matcher m = p.matcher(host);
      if (m.matches()) {
        try {
          port = Integer.valueOf(m.group(2));
        } catch (NumberFormatException e) {
          return null;
        }
        host = m.group(1);
      }
    }
    if (IPV4.matcher(host).matches() || IPV6.matcher(host).matches() || HOSTNAME.matcher(host).matches()) {
      return new Address(host, port);
    }
    return null;
  }

  /** Whether {@code name} is an IPv4 or IPv6 address (so it has no short form). */
  static boolean isIpAddress(String name) {
    return IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
  }

  record Address(String host, Integer port) {}

  private static List<String> expandRanges(String pattern) {
    int open = pattern.indexOf('[');
    int close = pattern.indexOf(']');
    if (close < open || close < 0) {
      throw new IllegalArgumentException("host range in \"" + pattern + "\" is not closed with ]");
    }
    String head = pattern.substring(0, open);
    String range = pattern.substring(open + 1, close);
    String tail = pattern.substring(close + 1);
    String[] bounds = range.split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw new IllegalArgumentException("host range must be begin:end or begin:end:step, got [" + range + "]");
    }
    String begin = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    if (end.isEmpty()) {
      throw new IllegalArgumentException("host range must specify an end value, got [" + range + "]");
    }
    int step = bounds.length == 3 ? number(bounds[2], range) : 1;
    if (step <= 0) {
      throw new IllegalArgumentException("host range step must be a positive number, got [" + range + "]");
    }
    boolean padded = begin.length() > 1 && begin.charAt(0) == '0';
    if (padded && begin.length() != end.length()) {
      throw new IllegalArgumentException(
          "host range must give begin and end with the same number of digits, got [" + range + "]");
    }
    List<String> values = new ArrayList<>();
    int b = begin.length() == 1 ? LETTERS.indexOf(begin) : -1;
    int e = end.length() == 1 ? LETTERS.indexOf(end) : -1;
    if (b >= 0 && e >= 0) {
      if (b > e) {
        throw new IllegalArgumentException("host range must have begin <= end, got [" + range + "]");
      }
      for (int i = b; i <= e; i += step) {
        values.add(String.valueOf(LETTERS.charAt(i)));
      }
    } else {
      int from = number(begin, range);
      int to = number(end, range);
      for (long i = from; i <= to; i += step) {
        values.add(padded ? String.format("%0" + begin.length() + "d", i) : String.valueOf(i));
      }
    }
    List<String> names = new ArrayList<>();
    for (String v : values) {
      String name = head + v + tail;
      names.addAll(name.contains("[") ? expandRanges(name) : List.of(name));
    }
    return names;
  }

  private static int number(String text, String range) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("host range bounds must be numbers or single letters, got [" + range + "]");
    }
  }
}
