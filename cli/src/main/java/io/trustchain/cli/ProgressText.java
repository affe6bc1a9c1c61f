package io.trustchain.cli;

import java.time.Duration;

/** Small text helpers of the progress views. */
final class ProgressText {

  private ProgressText() {}

  /** {@code 0.4s}, {@code 12s}, {@code 3m05s}. */
  static String seconds(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      long tenths = (ms + 50) / 100; // rounded half up, as %.1f would (String.format costs ≈0.1 ms a host line)
      return tenths / 10 + "." + tenths % 10 + "s";
    }
    long s = ms / 1000;
    return s < 60 ? s + "s" : (s / 60) + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s";
  }

  /**
   * {@code line} cut to {@code width} visible characters (escape sequences do not count), so a
   * redrawn block never wraps.
   */
  static String fit(String line, int width) {
    StringBuilder b = new StringBuilder();
    int visible = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\033') {
        int end = line.indexOf('m', i);
        if (end > 0) {
          b.append(line, i, end + 1);
          i = end;
          continue;
        }
      }
      if (visible == width - 1 && i < line.length() - 1) {
        b.append('…');
        visible++;
        break;
      }
      b.append(c);
      visible++;
    }
    if (line.contains("\033") && !b.toString().endsWith("\033[0m")) {
      b.append("\033[0m");
    }
    return b.toString();
  }
}
