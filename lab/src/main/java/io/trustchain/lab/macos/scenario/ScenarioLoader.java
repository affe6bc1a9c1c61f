package io.trustchain.lab.macos.scenario;

import io.trustchain.diag.Diagnostics;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.MacVersion;
import io.trustchain.lab.macos.state.Mdm;
import io.trustchain.lab.macos.state.OsInfo;
import io.trustchain.lab.macos.state.SimClock;
import io.trustchain.lab.macos.state.SystemAccounts;
import io.trustchain.lab.macos.state.Volume;
import io.trustchain.yaml.YamlSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario file (YAML, schema in {@code lab/scenarios/README.md}) into a Mac's starting state.
 * Every problem is reported at once with its {@code file:line:col}.
 */
public final class ScenarioLoader {

  /** The scenario start time when the file gives none. */
  public static final String DEFAULT_START = "2025-06-02T09:00:00+02:00";

  static final Set<String> TOP = Set.of("description", "os", "clock", "volume", "users", "mdm", "bootstrap_token",
      "filevault", "mcx", "preferences", "files", "faults");
  static final Set<String> OS = Set.of("version", "build", "arch", "version_extra", "kernel_release",
      "kernel_version", "hostname", "hardware_uuid", "serial_number", "model");
  static final Set<String> MDM = Set.of("enrolled", "dep", "user_approved", "supervised",
      "server_supports_bootstrap", "server_url");

  private ScenarioLoader() {}

  /** The starting state of host {@code hostName} described by {@code scenario}. */
  public static MacState load(Path scenario, String hostName) throws InvalidScenarioException {
    Objects.requireNonNull(scenario, "scenario == null");
    Objects.requireNonNull(hostName, "hostName == null");
    Diagnostics diagnostics = new Diagnostics();
    MacState state = read(scenario, hostName, diagnostics);
    if (state == null || diagnostics.hasErrors()) {
      throw new InvalidScenarioException(diagnostics);
    }
    return state;
  }

  /** Every problem in {@code scenario} (empty when it is valid). */
  public static Diagnostics check(Path scenario) {
    Diagnostics diagnostics = new Diagnostics();
    read(scenario, "check", diagnostics);
    return diagnostics;
  }

  private static MacState read(Path scenario, String hostName, Diagnostics d) {
    Optional<Node> root = YamlSource.load(scenario, d);
    if (root.isEmpty()) {
      return null;
    }
    Optional<Fields> top = Fields.of(root.get(), scenario, d, "a scenario", TOP);
    if (top.isEmpty()) {
      return null;
    }
    Fields f = top.get();
    Optional<OsInfo> os = os(f, hostName);
    if (os.isEmpty()) {
      return null;
    }
    MacState state = new MacState(hostName, scenario.toString(), os.get(), clock(f), volume(f, os.get()));
    SystemAccounts.install(state);
    UserSpecs.load(f, state);
    f.node("volume").flatMap(n -> Fields.of(n, scenario, d, "volume", Set.of("device", "token_ever_granted")))
        .flatMap(v -> v.bool("token_ever_granted")).ifPresent(state.volume()::tokenEverGranted);
    f.node("mdm").flatMap(n -> Fields.of(n, scenario, d, "mdm", MDM)).ifPresent(m -> state.mdm(mdm(m)));
    StateSpecs.bootstrap(f, state);
    StateSpecs.fileVault(f, state);
    StateSpecs.preferences(f, state);
    StateSpecs.files(f, state);
    FaultSpecs.load(f, state);
    return state;
  }

  private static Optional<OsInfo> os(Fields top, String hostName) {
    Optional<Fields> of = top.node("os").flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "os", OS));
    if (of.isEmpty()) {
      top.diagnostics().error(top.at(), "a scenario needs an os section",
          "add os: {version: \"15.7.1\", build: 24G231, arch: arm64}");
      return Optional.empty();
    }
    Fields os = of.get();
    Optional<String> version = os.text("version");
    Optional<String> build = os.text("build");
    Optional<String> arch = os.text("arch");
    if (version.isEmpty() || build.isEmpty() || arch.isEmpty()) {
      top.diagnostics().error(os.at(), "os needs version, build and arch",
          "for example version: \"13.6.1\", build: 22G313, arch: arm64");
      return Optional.empty();
    }
    try {
      MacVersion v = MacVersion.parse(version.get());
      if (!v.atLeast(10, 13)) {
        os.error("version", "the lab simulates macOS 10.13 and later, not " + version.get(), null);
        return Optional.empty();
      }
      OsInfo info = new OsInfo(version.get(), build.get(), arch.get());
      if (info.appleSilicon() && !v.atLeast(11, 0)) {
        os.error("arch", "Apple silicon Macs run macOS 11 or later, not " + version.get(), "use arch: x86_64");
      }
      info.versionExtra(os.text("version_extra").orElse(null));
      info.kernel(os.text("kernel_release").orElse(null), os.text("kernel_version").orElse(null));
      info.identity(os.text("hostname").orElse(hostName), os.text("hardware_uuid").orElse(derivedUuid(hostName)),
          os.text("serial_number").orElse(derivedSerial(hostName)), os.text("model").orElse(null));
      return Optional.of(info);
    } catch (IllegalArgumentException e) {
      os.error(e.getMessage().startsWith("arch") ? "arch" : "version", e.getMessage(), null);
      return Optional.empty();
    }
  }

  private static String derivedUuid(String hostName) {
    return UUID.nameUUIDFromBytes(("hardware/" + hostName).getBytes(StandardCharsets.UTF_8)).toString()
        .toUpperCase(Locale.ROOT);
  }

  private static String derivedSerial(String hostName) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    StringBuilder serial = new StringBuilder();
    int h = hostName.hashCode();
    for (int i = 0; i < 10; i++) {
      serial.append(alphabet.charAt(Math.floorMod(h * (i + 7) + i * 31, alphabet.length())));
    }
    return serial.toString();
  }

  private static SimClock clock(Fields top) {
    String start = top.node("clock")
        .flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "clock", Set.of("start")))
        .flatMap(c -> c.text("start")).orElse(DEFAULT_START);
    try {
      return new SimClock(OffsetDateTime.parse(start));
    } catch (DateTimeParseException e) {
      top.error("clock", "clock.start must be an ISO date-time with offset, not \"" + start + "\"",
          "for example start: \"" + DEFAULT_START + "\"");
      return new SimClock(OffsetDateTime.parse(DEFAULT_START));
    }
  }

  private static Volume volume(Fields top, OsInfo os) {
    return new Volume(top.node("volume")
        .flatMap(n -> Fields.of(n, top.file(), new Diagnostics(), "volume", Set.of("device", "token_ever_granted")))
        .flatMap(v -> v.text("device")).orElse(Volume.defaultDevice(os)));
  }

  private static Mdm mdm(Fields m) {
    boolean enrolled = m.bool("enrolled", false);
    boolean dep = m.bool("dep", false);
    if (!enrolled && (dep || m.bool("supervised", false) || m.bool("user_approved", false))) {
      m.error("enrolled", "dep, supervised and user_approved need enrolled: true", null);
    }
    return Mdm.of(enrolled, dep, m.bool("user_approved", dep), m.bool("supervised", false),
        m.bool("server_supports_bootstrap", false), m.text("server_url").orElse(null));
  }
}
