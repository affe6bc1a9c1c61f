package io.trustchain.lab.macos.state;

import java.util.Objects;

/** The operating system and hardware of a simulated Mac ({@code sw_vers}, {@code uname}, {@code sysctl}). */
public final class OsInfo {

  private String version;
  private String build;
  private String arch;
  private String versionExtra;
  private String kernelRelease;
  private String kernelVersion;
  private String hostname;
  private String hardwareUuid;
  private String serialNumber;
  private String model;
  private transient MacVersion parsed; // version, parsed once (tools ask at every command)

  private OsInfo() {}

  public OsInfo(String version, String build, String arch) {
    this.version = Objects.requireNonNull(version, "version == null");
    this.build = Objects.requireNonNull(build, "build == null");
    this.arch = Objects.requireNonNull(arch, "arch == null");
    MacVersion.parse(version);
    if (!arch.equals("arm64") && !arch.equals("x86_64")) {
      throw new IllegalArgumentException("arch must be arm64 or x86_64, not \"" + arch + "\"");
    }
  }

  public String versionString() {
    return version;
  }

  public MacVersion version() {
    if (parsed == null) {
      parsed = MacVersion.parse(version);
    }
    return parsed;
  }

  public String build() {
    return build;
  }

  public String arch() {
    return arch;
  }

  public boolean appleSilicon() {
    return "arm64".equals(arch);
  }

  /** {@code Mac OS X} before macOS 11 (S83), {@code macOS} from 11 on (S79). */
  public String productName() {
    return version().isTen() ? "Mac OS X" : "macOS";
  }

  /** Whether the volume has owners (Apple silicon, macOS 11 and later; rule 8). */
  public boolean volumeOwnership() {
    return appleSilicon() && version().atLeast(11, 0);
  }

  /** Rapid Security Response suffix such as {@code (a)}, or null. */
  public String versionExtra() {
    return versionExtra;
  }

  /** The Darwin release ({@code uname -r}): given by the scenario or derived from the macOS version. */
  public String kernelRelease() {
    if (kernelRelease != null) {
      return kernelRelease;
    }
    MacVersion v = version();
    if (v.isTen()) {
      return (v.minor() + 4) + "." + Math.max(0, v.patch() - 1) + ".0";
    }
    if (v.major() <= 15) {
      return (v.major() + 9) + "." + Math.max(0, v.minor() - 1) + ".0";
    }
    return (v.major() - 1) + "." + v.minor() + ".0";
  }

  /** The kernel version string ({@code uname -v}). */
  public String kernelVersion() {
    if (kernelVersion != null) {
      return kernelVersion;
    }
    String suffix = appleSilicon() ? "RELEASE_ARM64_T8103" : "RELEASE_X86_64";
    return "Darwin Kernel Version " + kernelRelease() + ": Mon Aug 11 21:16:05 PDT 2025; root:xnu-11417.140.69~1/"
        + suffix;
  }

  public String hostname() {
    return hostname;
  }

  public String hardwareUuid() {
    return hardwareUuid;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public String model() {
    return model != null ? model : appleSilicon() ? "Mac14,2" : "MacBookPro16,1";
  }

  public OsInfo versionExtra(String extra) {
    this.versionExtra = extra;
    return this;
  }

  public OsInfo kernel(String release, String versionString) {
    this.kernelRelease = release;
    this.kernelVersion = versionString;
    return this;
  }

  public OsInfo identity(String host, String uuid, String serial, String hardwareModel) {
    this.hostname = host;
    this.hardwareUuid = uuid;
    this.serialNumber = serial;
    this.model = hardwareModel;
    return this;
  }

  @Override
  public String toString() {
    return productName() + " " + version + " (" + build + ", " + arch + ")";
  }
}
