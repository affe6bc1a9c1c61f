package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.diag.Diagnostics;
import io.trustchain.lab.macos.scenario.InvalidScenarioException;
import io.trustchain.lab.macos.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped scenario is valid; broken ones are reported at file:line:col. */
class ScenarioLoaderTest {

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> everyShippedScenarioIsValid() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(LabMac.SCENARIOS)) {
      files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), f.toUri(), () -> {
      Diagnostics d = ScenarioLoader.check(f);
      assertThat(d.all()).as(d.toString()).isEmpty();
    }));
  }

  @Test
  void theCastIsOnEveryMainScenario() {
    for (String s : List.of("catalina-intel.yml", "ventura-arm.yml", "sequoia-arm.yml", "tahoe-arm.yml",
        "bigsur-intel.yml")) {
      LabMac mac = LabMac.shipped(dir.resolve(s), s);
      assertThat(mac.host().toString()).contains(s);
      assertThat(mac.exists("ladmin") && mac.exists("tcadmin")).as(s).isTrue();
      assertThat(mac.tokenStatus("tcadmin")).as(s).isEqualTo("ENABLED");
      assertThat(mac.sudo("dscl", ".", "-authonly", "ladmin", LabMac.password("ladmin")).exit()).as(s).isZero();
    }
  }

  @Test
  void shippedStartingStates() {
    LabMac catalina = LabMac.shipped(dir.resolve("c"), "catalina-intel.yml");
    assertThat(catalina.tokenStatus("ladmin")).isEqualTo("ENABLED");
    assertThat(catalina.tokenStatus("alice")).isEqualTo("DISABLED");
    assertThat(catalina.exists("olduser")).isTrue();
    assertThat(catalina.exists("bob")).isFalse();
    assertThat(catalina.account("tcadmin").authenticationAuthority().get(1)).isEqualTo(";SecureToken;");
    LabMac ventura = LabMac.shipped(dir.resolve("v"), "ventura-arm.yml");
    assertThat(ventura.tokenStatus("alice")).isEqualTo("ENABLED");
    assertThat(ventura.tokenStatus("bob")).isEqualTo("DISABLED");
    assertThat(ventura.sudo("dseditgroup", "-o", "checkmember", "-m", "bob", "admin").exit()).isZero();
    assertThat(ventura.exists("svc-backup")).isFalse();
    LabMac sequoia = LabMac.shipped(dir.resolve("s"), "sequoia-arm.yml");
    assertThat(sequoia.tokenStatus("ladmin")).isEqualTo("DISABLED");
    int holders = sequoia.state(s -> s.tokenHolders().size());
    assertThat(holders).isEqualTo(1);
  }

  @Test
  void unknownKey_reportedWithPositionAndSuggestion() throws IOException {
    Path f = write("os: {version: \"15.1\", build: 24B83, arch: arm64}\nmdm: {enrolld: true}\n");
    Diagnostics d = ScenarioLoader.check(f);
    assertThat(d.all()).singleElement().satisfies(diag -> {
      assertThat(diag.toString()).endsWith("scenario.yml:2:7: error: unknown key \"enrolld\" in mdm");
      assertThat(diag.hint()).hasValue("did you mean \"enrolled\"?");
    });
  }

  @Test
  void everyProblemIsReportedAtOnce() throws IOException {
    Path f = write("""
        os: {version: "10.12.6", build: 16G29, arch: x86_64}
        """);
    assertThat(ScenarioLoader.check(f).toString()).contains("10.13 and later");
    Path g = write("""
        os: {version: "15.1", build: 24B83, arch: arm64}
        users:
          - {name: a, password_file: nowhere, secure_token: true, volume_owner: false}
          - {name: b, setup_assistant: true, password: x}
        bootstrap_token: {escrowed: true}
        faults:
          network: [{kind: flood}]
          refuse_silently: [{match: "("}]
        """);
    Diagnostics d = ScenarioLoader.check(g);
    assertThat(d.toString()).contains("scenario.yml:3:", "cannot read password file nowhere",
        "a Secure Token holder needs a password", "the Setup Assistant user received the volume's first Secure Token",
        "supervised MDM enrollment", "unknown fault kind \"flood\"", "not a valid regex");
  }

  @Test
  void loadThrowsWithAllMessages() throws IOException {
    Path f = write("os: {version: \"15.1\", build: 24B83, arch: sparc}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(f, "mac")).isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("arch must be arm64 or x86_64");
    Path g = write("os: {version: \"10.15.7\", build: 19H15, arch: arm64}\n");
    assertThatThrownBy(() -> new MacHostFactory().open("mac", g, dir.resolve("state")))
        .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("Apple silicon Macs run macOS 11");
  }

  @Test
  void missingScenarioFile() {
    assertThatThrownBy(() -> new MacHostFactory().open("mac", dir.resolve("none.yml"), dir))
        .hasMessageContaining("scenario file not found for lab host mac");
  }

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("scenario.yml");
    Files.writeString(f, yaml);
    return f;
  }
}
