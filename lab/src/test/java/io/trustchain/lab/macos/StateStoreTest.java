package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.spi.LabHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State on disk: created from the scenario once, kept across processes, locked, written atomically. */
class StateStoreTest {

  @TempDir
  Path dir;

  @Test
  void stateSurvivesANewFactory_likeASeparateProcess() {
    LabMac first = LabMac.shipped(dir, "sequoia-arm.yml");
    first.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"),
        "-secureTokenOn", "alice", "-password", LabMac.password("alice"));
    LabMac second = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(second.tokenStatus("alice")).isEqualTo("ENABLED");
  }

  @Test
  void openWithALabHost_createsTheStateAtTheFirstCommand_andNoTemporaryFilesRemain() throws Exception {
    Path scenario = Path.of("scenarios/catalina-intel.yml");
    LabHost host = new LabHost("mac-01", "127.0.0.1", 2222, scenario, dir, dir.resolve("known_hosts"),
        dir.resolve("id"), "ladmin");
    SimulatedHost mac = new MacHostFactory().open(host);
    assertThat(mac.name()).isEqualTo("mac-01");
    assertThat(mac.mayBeUnreachable()).as("catalina-intel.yml has no unreachable fault").isFalse();
    assertThat(dir.resolve("mac-01/state.json")).doesNotExist();
    mac.transact(m -> m.program("sw_vers").isPresent());
    assertThat(dir.resolve("mac-01/state.json")).isRegularFile();
    try (Stream<Path> files = Files.list(dir.resolve("mac-01"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "lock");
    }
  }

  @Test
  void aChangeMadeElsewhere_likeAnotherProcess_isSeenByTheNextCommand() {
    LabMac serving = LabMac.shipped(dir, "sequoia-arm.yml");
    assertThat(serving.tokenStatus("alice")).isEqualTo("DISABLED"); // the serving side now keeps this state
    LabMac other = LabMac.shipped(dir, "sequoia-arm.yml");
    other.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"),
        "-secureTokenOn", "alice", "-password", LabMac.password("alice"));
    assertThat(serving.tokenStatus("alice")).isEqualTo("ENABLED");
    serving.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"),
        "-secureTokenOff", "alice", "-password", LabMac.password("alice"));
    assertThat(other.tokenStatus("alice")).isEqualTo("DISABLED");
  }

  @Test
  void commandsThatOnlyMoveTheClockWriteNothing_aChangeTheLagOrAFlushWrites() throws Exception {
    LabMac mac = LabMac.shipped(dir, "sequoia-arm.yml");
    Path file = dir.resolve("mac/state.json");
    String first = mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err(); // the first command writes
    String written = Files.readString(file);
    String second = mac.sudo("sysadminctl", "-secureTokenStatus", "alice").err();
    assertThat(second.substring(0, 23)).as("the clock moved on").isGreaterThan(first.substring(0, 23));
    assertThat(pid(second)).as("a new process").isNotEqualTo(pid(first));
    assertThat(Files.readString(file)).as("a look writes nothing").isEqualTo(written);
    LabMac other = LabMac.shipped(dir, "sequoia-arm.yml"); // another process sees the file's clock
    assertThat((Object) other.state(MacState::counters)).isNotEqualTo(mac.state(MacState::counters));

    mac.host().flush();
    assertThat((Object) other.state(MacState::counters)).as("flushed").isEqualTo(mac.state(MacState::counters));
    written = Files.readString(file);
    mac.sudo("sysadminctl", "-adminUser", "tcadmin", "-adminPassword", LabMac.password("tcadmin"),
        "-secureTokenOn", "alice", "-password", LabMac.password("alice"));
    assertThat(Files.readString(file)).as("a change is written at once").isNotEqualTo(written);
    assertThat(other.tokenStatus("alice")).isEqualTo("ENABLED");

    written = Files.readString(file);
    long start = mac.state(s -> s.counters().clockMillis());
    int looks = 0;
    while (Files.readString(file).equals(written)) {
      mac.sudo("sysadminctl", "-secureTokenStatus", "alice");
      looks++;
      assertThat(looks).as("the clock must be written within a minute of lag").isLessThan(10_000);
    }
    long lag = mac.state(s -> s.counters().clockMillis()) - start;
    assertThat(looks).isGreaterThan(1);
    assertThat(lag).isBetween(StateStore.MAX_CLOCK_LAG.toMillis(), StateStore.MAX_CLOCK_LAG.toMillis() + 1_000);
  }

  private static String pid(String nsLogLine) {
    return nsLogLine.replaceAll("(?s).*sysadminctl\\[(\\d+):.*", "$1");
  }

  @Test
  void stateFileHoldsHashesNeverPasswords() throws Exception {
    LabMac.shipped(dir, "catalina-intel.yml").host().transact(m -> null); // the first command writes the state
    String json = Files.readString(dir.resolve("mac/state.json"));
    for (String user : List.of("tcadmin", "ladmin", "alice", "olduser")) {
      assertThat(json).doesNotContain(LabMac.password(user));
    }
    assertThat(json).contains("\"algorithm\" : \"SHA-256\"");
  }

  @Test
  void resetStartsAgainFromTheScenario() throws Exception {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    mac.sudo("sysadminctl", "-deleteUser", "olduser");
    assertThat(mac.exists("olduser")).isFalse();
    mac.host().reset();
    assertThat(mac.exists("olduser")).isTrue();
  }

  @Test
  void aCorruptStateFileIsAClearError() throws Exception {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    mac.host().transact(m -> null);
    Files.writeString(dir.resolve("mac/state.json"), "{ not json");
    assertThatThrownBy(() -> mac.host().transact(m -> null))
        .hasMessageContaining("cannot read the lab state").hasMessageContaining("start again from the scenario");
  }

  @Test
  void workThatThrowsStillSavesItsChanges() {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    assertThatThrownBy(() -> mac.host().transact(m -> {
      m.writeFile("/tmp/marker", "x");
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(mac.as("alice", "cat", "/tmp/marker").out()).isEqualTo("x");
  }

  @Test
  void concurrentTransactionsInOneJvmDoNotLoseUpdates() throws Exception {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      threads.add(Thread.ofVirtual().start(() -> mac.sudo("mkdir", "-p", "/tmp/d" + n)));
    }
    for (Thread t : threads) {
      t.join();
    }
    for (int i = 0; i < 8; i++) {
      assertThat(mac.isDirectory("/tmp/d" + i)).isTrue();
    }
  }

  @Test
  void theLockIsHeldAcrossProcesses() throws Exception {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), dir.resolve("mac").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      AtomicBoolean entered = new AtomicBoolean();
      Thread waiter = Thread.ofVirtual().start(() -> {
        mac.state(s -> s.host());
        entered.set(true);
      });
      assertThat(entered).isFalse(); // cannot have entered: the child holds the lock
      child.getOutputStream().close();
      waiter.join();
      assertThat(entered).isTrue();
    } finally {
      child.destroy();
      child.waitFor();
    }
  }

  @Test
  void networkFaultsComeFromTheScenarioAndCountDownWhenFired() throws Exception {
    LabMac mac = LabMac.shipped(dir, "faults/drop-mid-apply.yml");
    List<NetworkFault> faults = mac.host().transact(m -> m.activeFaults());
    assertThat(faults).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(NetworkFault.Kind.DROP);
      assertThat(f.remaining()).isEqualTo(1);
      assertThat(f.matches("sysadminctl -secureTokenOn alice -password x")).isTrue();
      assertThat(f.matches("fdesetup status")).isFalse();
    });
    mac.host().transact(m -> {
      m.fired(faults.get(0));
      return null;
    });
    List<NetworkFault> after = LabMac.shipped(dir, "faults/drop-mid-apply.yml").host().transact(m -> m.activeFaults());
    assertThat(after).isEmpty();
  }

  @Test
  void authenticateAndIsAdmin_forSudoAndSsh() throws Exception {
    LabMac mac = LabMac.shipped(dir, "catalina-intel.yml");
    boolean right = mac.host().transact(m -> m.authenticate("ladmin", LabMac.password("ladmin").toCharArray()));
    boolean wrong = mac.host().transact(m -> m.authenticate("ladmin", "nope".toCharArray()));
    boolean admins = mac.host().transact(m -> m.isAdmin("ladmin") && !m.isAdmin("alice") && m.userExists("olduser"));
    assertThat(right).isTrue();
    assertThat(wrong).isFalse();
    assertThat(admins).isTrue();
  }
}
