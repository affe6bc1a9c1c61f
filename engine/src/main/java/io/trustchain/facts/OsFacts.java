package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code sw_vers} and the architecture. A field is null when the Mac's output did not give it;
 * reading a field that was not understood throws {@link NotUnderstoodException}.
 *
 * @param productName {@code Mac OS X}, {@code OS X} or {@code macOS}, as printed
 * @param arch {@code arm64} or {@code x86_64} ({@code uname -m})
 * @param otherKeys keys sw_vers printed that trustchain does not know, as printed (left out of the
 *     JSON when there are none)
 */
public record OsFacts(String productName, String version, String build, String arch,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> otherKeys, @JsonIgnore Unknowns unknowns) {

  public OsFacts {
    otherKeys = otherKeys == null ? Map.of() : Map.copyOf(otherKeys);
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at("os");
  }

  /** Fully understood OS facts. */
  public OsFacts(String productName, String version, String build, String arch) {
    this(productName, version, build, arch, Map.of(), Unknowns.NONE);
  }

  /** This record seeing the host's not-understood entries (facts package only). */
  OsFacts attach(Unknowns host) {
    return new OsFacts(productName, version, build, arch, otherKeys, host);
  }

  @Override
  public String productName() {
    unknowns.check("product_name");
    return productName;
  }

  @Override
  public String version() {
    unknowns.check("version");
    return version;
  }

  @Override
  public String build() {
    unknowns.check("build");
    return build;
  }

  @Override
  public String arch() {
    unknowns.check("arch");
    return arch;
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
    return "arm64".equals(arch());
  }

  /**
   * For headers and messages, never for decisions: every field as read, {@code ?} where the Mac's
   * output did not give it (the copy carries no unknowns).
   */
  public OsFacts forDisplay() {
    return new OsFacts(orQ(productName), orQ(version), orQ(build), orQ(arch));
  }

  private static String orQ(String value) {
    return value == null ? "?" : value;
  }

  private int part(int i) {
    String[] parts = version().split("\\.");
    try {
      return i < parts.length ? Integer.parseInt(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    OsFacts d = forDisplay();
    return d.productName + " " + d.version + " (" + d.build + ", " + d.arch + ")";
  }
}
