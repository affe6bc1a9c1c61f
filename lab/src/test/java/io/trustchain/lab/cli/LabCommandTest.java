package io.trustchain.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.lab.server.FakeHostFactory;
import io.trustchain.lab.server.LabEndpoint;
import io.trustchain.lab.server.LabServeLock;
import io.trustchain.spi.CliExtension;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {

  @TempDir
  Path dir;

  private final FakeHostFactory factory = new FakeHostFactory();
  private Path fleet;

  @BeforeEach
  void fleetFile() throws IOException {
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/sonoma.yml"), "macos: 14.5\n");
    fleet = dir.resolve("fleet.yml");
    Files.writeString(fleet, """
        - name: mac-lab-01
          port: 42201
          scenario: scenarios/sonoma.yml
          ssh_user: admin
        - {name: mac-lab-02, port: 42202, scenario: scenarios/sonoma.yml, ssh_user: admin}
        """);
  }

  private Cli.Result lab(String... args) {
    return new Cli(factory, null).run(args);
  }

  @Test
  void isContributedAsACliExtension() {
    CliExtension ext = ServiceLoader.load(CliExtension.class).stream()
        .map(ServiceLoader.Provider::get).filter(e -> e instanceof LabCliExtension).findFirst().orElseThrow();
    CommandLine lab = new CommandLine(ext.command());
    assertThat(lab.getCommandName()).isEqualTo("lab");
    assertThat(lab.getSubcommands()).containsOnlyKeys("serve", "login", "login-decline", "logout", "logout-decline",
        "reboot", "reset", "status", "advance-days");
  }

  @Test
  void withoutSubcommandShowsUsage() {
    Cli.Result r = lab();
    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err()).contains("Usage: lab", "serve", "login");
  }

  @Test
  void loginPlaysTheEventAndPrintsItsMessage() {
    Cli.Result r = lab("login", "--fleet", fleet.toString(), "mac-lab-02", "alice");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("alice logged in on mac-lab-02\n");
    assertThat(factory.host("mac-lab-02").events()).containsExactly("login alice");
  }

  @Test
  void logoutAndReboot() {
    assertThat(lab("logout", "--fleet", fleet.toString(), "mac-lab-01", "bob").out()).isEqualTo("bob logged out of mac-lab-01\n");
    assertThat(lab("reboot", "--fleet", fleet.toString(), "mac-lab-01").out()).isEqualTo("mac-lab-01 restarted\n");
    assertThat(factory.host("mac-lab-01").events()).containsExactly("logout bob", "reboot");
  }

  @Test
  void declinesArePlayedAsTheirOwnEvents() {
    assertThat(lab("login-decline", "--fleet", fleet.toString(), "mac-lab-01", "alice").exitCode()).isZero();
    assertThat(lab("logout-decline", "--fleet", fleet.toString(), "mac-lab-01", "alice").exitCode()).isZero();
    assertThat(factory.host("mac-lab-01").events()).containsExactly("login-decline alice", "logout-decline alice");
  }

  @Test
  void advanceDaysMovesTheClock() {
    Cli.Result r = lab("advance-days", "--fleet", fleet.toString(), "mac-lab-01", "91");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("the clock of mac-lab-01 moved 91 days\n");
    assertThat(factory.host("mac-lab-01").events()).containsExactly("advance-days 91");
  }

  @Test
  void eventErrorsAreReported() {
    Cli.Result r = lab("login", "--fleet", fleet.toString(), "mac-lab-01", "x", "extra");
    assertThat(r.exitCode()).isEqualTo(64);
    Cli.Result bad = new Cli(new FakeHostFactory(), null).run("reboot", "--fleet", fleet.toString(), "mac-lab-01", "--help");
    assertThat(bad.exitCode()).isZero();
    assertThat(bad.out()).contains("Usage: lab reboot");
  }

  @Test
  void unknownHostListsTheKnownOnes() {
    Cli.Result r = lab("login", "--fleet", fleet.toString(), "mac-lab-1", "alice");
    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err()).isEqualTo("error: no lab host named \"mac-lab-1\" in " + fleet + "\n"
        + "  hint: did you mean \"mac-lab-01\"? known lab hosts: mac-lab-01, mac-lab-02\n");
  }

  @Test
  void resetOneOrAll() {
    assertThat(lab("reset", "--fleet", fleet.toString(), "mac-lab-01").out())
        .isEqualTo("mac-lab-01: reset; it starts again from " + dir.resolve("scenarios/sonoma.yml") + "\n");
    assertThat(lab("reset", "--fleet", fleet.toString()).out()).contains("mac-lab-01: reset", "mac-lab-02: reset");
    assertThat(factory.host("mac-lab-01").events()).containsExactly("reset", "reset");
  }

  @Test
  void statusShowsWhatLabServeServes() throws IOException {
    Cli.Result before = lab("status", "--fleet", fleet.toString());
    assertThat(before.out()).contains("mac-lab-01  127.0.0.1:42201", "not served", "scenario " + dir.resolve("scenarios/sonoma.yml"));
    Path state = dir.resolve(".lab-state");
    LabHost h = new LabHost("mac-lab-01", "127.0.0.1", 42201, dir.resolve("scenarios/sonoma.yml"), state,
        state.resolve("known_hosts"), state.resolve("id_ed25519"), "admin");
    try (LabServeLock lock = LabServeLock.acquire(state)) {
      lock.publish(List.of(new LabEndpoint(h, 42201)));
      String out = lab("status", "--fleet", fleet.toString()).out();
      assertThat(out.lines().filter(l -> l.startsWith("mac-lab-01")).findFirst().orElseThrow())
          .contains("served by lab serve (pid " + ProcessHandle.current().pid() + ")");
      assertThat(out.lines().filter(l -> l.startsWith("mac-lab-02")).findFirst().orElseThrow()).contains("not served");
    }
  }

  @Test
  void fleetFileProblemsAreAllReportedWithPositions() throws IOException {
    Files.writeString(fleet, """
        - name: mac-a
          port: 2201
          scenario: scenarios/sonoma.yml
          ssh_usr: admin
        - name: mac-a
          port: 2201
          scenario: scenarios/missing.yml
          ssh_user: admin
        - name: bad/name
          port: 99999
          scenario: scenarios/sonoma.yml
          ssh_user: admin
        """);
    Cli.Result r = lab("status", "--fleet", fleet.toString());
    assertThat(r.exitCode()).isEqualTo(65);
    String f = fleet.toString();
    assertThat(r.err()).contains(
        f + ":4:3: error: unknown key \"ssh_usr\" in a lab host", "hint: did you mean \"ssh_user\"?",
        f + ":1:3: error: lab host is missing \"ssh_user\"",
        f + ":5:9: error: lab host \"mac-a\" is listed twice (first at " + f + ":1:9)",
        f + ":6:9: error: port 2201 is used twice (first at " + f + ":2:9)",
        f + ":7:13: error: scenario file " + dir.resolve("scenarios/missing.yml") + " does not exist",
        f + ":9:9: error: lab host name \"bad/name\" is not a valid host name",
        f + ":10:9: error: port must be a number from 1 to 65535, not \"99999\"",
        "7 errors, 0 warnings");
  }

  @Test
  void fleetFileMustBeAList() throws IOException {
    Files.writeString(fleet, "name: mac-a\n");
    Cli.Result r = lab("status", "--fleet", fleet.toString());
    assertThat(r.exitCode()).isEqualTo(65);
    assertThat(r.err()).contains(fleet + ":1:1: error: a lab fleet file is a list of hosts");
  }

  @Test
  void inventoryNeedsTheEnginesLoader() throws IOException {
    Files.createDirectories(dir.resolve("inventory"));
    Files.writeString(dir.resolve("inventory/lab.yml"), "all: {}\n");
    Cli.Result r = lab("status", "-i", dir.resolve("inventory/lab.yml").toString());
    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err()).contains("needs the engine's inventory loader", "hint: use --fleet FILE");
  }

  @Test
  void inventoryHostsComeFromTheFleetSource() throws IOException {
    Path inventory = dir.resolve("inv.yml");
    Files.writeString(inventory, "all: {}\n");
    LabHost h = new LabHost("mac-inv", "127.0.0.1", 42299, dir.resolve("scenarios/sonoma.yml"), dir.resolve("st"),
        dir.resolve("kh"), dir.resolve("key"), "admin");
    Cli.Result r = new Cli(factory, file -> {
      assertThat(file).isEqualTo(inventory);
      return List.of(h);
    }).run("login", "-i", inventory.toString(), "mac-inv", "alice");
    assertThat(r.out()).isEqualTo("alice logged in on mac-inv\n");
  }

  @Test
  void inventoryDiagnosticsExit65() throws IOException {
    Path inventory = dir.resolve("inv.yml");
    Files.writeString(inventory, "all: [\n");
    Cli.Result r = new Cli(factory, file -> {
      Diagnostics d = new Diagnostics();
      d.error(io.trustchain.diag.SourceRange.of(file, 1, 6), "invalid YAML: broken");
      throw new InvalidDocumentsException(d);
    }).run("status", "-i", inventory.toString());
    assertThat(r.exitCode()).isEqualTo(65);
    assertThat(r.err()).contains(":1:6: error: invalid YAML: broken", "1 error, 0 warnings");
  }

  @Test
  void fleetOnlyOptionsAreRefusedWithAnInventory() {
    Cli.Result r = lab("status", "--state", dir.toString());
    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err()).startsWith("error: --state, --known-hosts and --client-key go with --fleet\n");
  }

  @Test
  void missingDefaultInventoryIsExplained() {
    Cli.Result r = new Cli(factory, file -> List.of()).run("status");
    assertThat(r.exitCode()).isEqualTo(64);
    assertThat(r.err()).contains("inventory inventory/lab.yml does not exist", "pass -i INVENTORY, or --fleet FILE");
  }
}
