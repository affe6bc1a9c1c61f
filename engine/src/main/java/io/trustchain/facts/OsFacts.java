package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * {@code sw_vers} and the architecture.
 *
 * @param productName {@code Mac OS X}, {@code OS X} or {@code macOS}, as printed
 * @param arch {@code arm64} or {@code x86_64} ({@code uname -m})
 */
public record OsFacts(String productName, String version, String build, String arch) {

  public OsFacts {
    Objects.requireNonNull(productName, "productName == null");
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(build, "build == null");
    Objects.requireNonNull(arch, "arch == null");
  }

  @JsonIgnore
  public int major() {
    return part(0);
  }

  @JsonIgnore
  public int minor() {
    return part(1);
  }

  @JsonIgnore
  public int patch() {
    return part(2);
  }

  /** Whether this is macOS {@code major.minor} or later ({@code 10.15} → {@code atLeast(10, 15)}). */
  public boolean atLeast(int major, int minor) {
    return major() != major ? major() > major : minor() >= minor;
  }

  /** Whether this is macOS {@code major.minor.patch} or later. */
  public boolean atLeast(int major, int minor, int patch) {
    if (major() != major) {
      return major() > major;
    }
    return minor() != minor ? minor() > minor : patch() >= patch;
  }

  @JsonIgnore
  public boolean appleSilicon() {
    return "arm64".equals(arch);
  }

  private int part(int i) {
    String[] parts = version.split("\\.");
    try {
      return i < parts.length ? Integer.parseInt(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return productName + " " + version + " (" + build + ", " + arch + ")";
  }
}
