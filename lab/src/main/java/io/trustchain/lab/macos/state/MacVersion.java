package io.trustchain.lab.macos.state;

import java.util.Objects;

/** A macOS version ({@code 10.15.7}, {@code 26.1}); compares numerically. */
public record MacVersion(int major, int minor, int patch) implements Comparable<MacVersion> {

  public MacVersion {
    if (major < 10 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("not a macOS version: " + major + "." + minor + "." + patch);
    }
  }

  /** Parses {@code 13.6.1}, {@code 15.2} or {@code 26}; throws with the offending text. */
  public static MacVersion parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String[] parts = text.strip().split("\\.");
    if (parts.length > 3) {
      throw new IllegalArgumentException("not a macOS version: \"" + text + "\" (expected like 15.7.1)");
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      int patch = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
      return new MacVersion(major, minor, patch);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a macOS version: \"" + text + "\" (expected like 15.7.1)");
    }
  }

  public boolean atLeast(int major, int minor) {
    return compareTo(new MacVersion(major, minor, 0)) >= 0;
  }

  public boolean atLeast(int major, int minor, int patch) {
    return compareTo(new MacVersion(major, minor, patch)) >= 0;
  }

  public boolean isTen() {
    return major == 10;
  }

  @Override
  public int compareTo(MacVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    return minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + (patch == 0 ? "" : "." + patch);
  }
}
