package io.trustchain.facts;

import java.util.Set;

/**
 * {@code uname -m} (S84, S85): {@code arm64} on Apple silicon, {@code x86_64} on Intel. One known
 * architecture line gives the answer; another line is noted, and a second architecture makes it
 * ambiguous. Field: {@code arch}.
 */
final class UnameParser {

  private static final Set<String> KNOWN = Set.of("arm64", "x86_64");

  private UnameParser() {}

  /** The architecture, or null when it was not read. */
  static String parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit("arch");
      return null;
    }
    String arch = null;
    java.util.List<String> unknown = new java.util.ArrayList<>();
    for (String line : out.stdoutLines()) {
      String word = line.strip();
      if (!KNOWN.contains(word)) {
        unknown.add(line);
      } else if (arch != null && !arch.equals(word)) {
        r.output("two different architectures", "arch");
        return null;
      } else {
        arch = word;
      }
    }
    if (arch == null) {
      r.output("no architecture (arm64 or x86_64)", "arch");
      return null;
    }
    if (!unknown.isEmpty()) {
      r.lines("stdout", unknown, "unknown line");
    }
    r.stderrNoise();
    return arch;
  }
}
