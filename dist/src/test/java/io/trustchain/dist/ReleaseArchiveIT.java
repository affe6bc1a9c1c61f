package io.trustchain.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive, as a new user gets it: unpacked into an empty folder, run with a Java 21+ and no
 * Maven, against the lab it carries. Its production classpath (lib/) holds no lab class and no library
 * only the lab needs.
 */
class ReleaseArchiveIT {

  @TempDir Path dir;

  @Test
  void libHoldsNoLabAndLabHoldsTheLab() throws Exception {
    Release.untar(Release.archive(), dir);
    Path home = dir.resolve("trustchain-" + Release.VERSION);
    List<Path> lib;
    try (Stream<Path> files = Files.list(home.resolve("lib"))) {
      lib = files.filter(f -> f.toString().endsWith(".jar")).toList();
    }
    assertThat(lib).extracting(f -> f.getFileName().toString())
        .contains("trustchain-cli-" + Release.VERSION + ".jar", "trustchain-engine-" + Release.VERSION + ".jar",
            "libraries-" + Release.VERSION + ".jar")
        .noneMatch(n -> n.startsWith("trustchain-lab") || n.startsWith("sshd-"));
    for (Path jar : lib) {
      assertThat(Release.jarEntries(jar)).as(jar.toString())
          .noneMatch(e -> e.startsWith("io/trustchain/lab/") || e.startsWith("org/apache/sshd/"));
    }
    try (Stream<Path> files = Files.list(home.resolve("lab"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("trustchain-lab-" + Release.VERSION + ".jar", "scenarios", "secrets")
          .anyMatch(n -> n.startsWith("sshd-core-"));
    }
    assertThat(home.resolve("bin/trustchain")).isExecutable();
  }

  @Test
  void plansAgainstTheLabFromAnEmptyFolderWithNoMaven() throws Exception {
    Release.untar(Release.archive(), dir.resolve("unpacked"));
    Path home = dir.resolve("unpacked/trustchain-" + Release.VERSION);
    // the shipped lab inventory, on ports free here
    Matcher m = Pattern.compile("ansible_port: \\d+").matcher(Files.readString(home.resolve("inventory/lab.yml")));
    StringBuilder inventory = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(inventory, "ansible_port: " + Ports.free());
    }
    m.appendTail(inventory);
    Files.writeString(home.resolve("inventory/here.yml"), inventory);

    Release.Result plan = Release.run(home, Release.userWithJava(dir.resolve("user")),
        "bin/trustchain", "plan", "-i", "inventory/here.yml", "playbooks/site.yml");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("mac-ventura (macOS 13.6.7, arm64)")
        .contains("Plan: 3 to add, 2 to change, 1 to remove, 1 pending (across 3 hosts).");
    assertThat(plan.err()).doesNotContain("building");

    Release.Result status = Release.run(home, Release.userWithJava(dir.resolve("user")),
        "bin/trustchain", "lab", "status", "-i", "inventory/here.yml");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out()).contains("mac-headless");
  }

  @Test
  void theJvmGetsTheFlagsOfJvmOptionsThatApplyHere() throws Exception {
    Path home = unpacked();
    Map<String, String> env = userWithJavaOpts("-XX:+PrintCommandLineFlags");
    Release.Result version = Release.run(home, env, "bin/trustchain", "--version");
    assertThat(version.code()).as(version.toString()).isZero();
    String flags = version.out().lines().filter(l -> l.contains("-XX:")).findFirst().orElse("");
    assertThat(flags).as(version.toString()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    // "N FLAG" lines: on Java N alone (the profiles of Java 25's AOT cache are not replayed)
    String java = version.out().lines().filter(l -> l.startsWith("Java ")).findFirst().orElseThrow();
    if (Runtime.Version.parse(java.substring("Java ".length()).trim()).feature() == 25) {
      assertThat(flags).contains("-XX:-AOTReplayTraining");
    } else {
      assertThat(flags).doesNotContain("AOTReplayTraining");
    }
    // "thp" lines: only where Linux offers transparent huge pages on request (the JVM would otherwise warn on
    // stdout, or on macOS refuse the flag and not start)
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    String offered = Files.isReadable(thp) ? Files.readString(thp) : "";
    if (offered.contains("[madvise]") || offered.contains("[always]")) {
      assertThat(flags).contains("-XX:+UseTransparentHugePages");
    } else {
      assertThat(flags).doesNotContain("UseTransparentHugePages");
    }
    assertThat(version.out() + version.err()).doesNotContain("thp").doesNotContain("Unrecognized");
    // "online" lines: only for the commands that connect
    assertThat(flags).doesNotContain("Tier3LoadFeedback").doesNotContain("SweeperThreshold")
        .doesNotContain("StringConcatHelper");
    Release.Result ping = Release.run(home, env, "bin/trustchain", "ping", "--help");
    assertThat(ping.code()).as(ping.toString()).isZero();
    String pingFlags = ping.out().lines().filter(l -> l.contains("-XX:")).findFirst().orElse("");
    assertThat(pingFlags).as(ping.toString()).contains("-XX:Tier3LoadFeedback=100000", "-XX:SweeperThreshold=50",
        "-XX:TieredStopAtLevel=1", "dontinline,java/lang/StringConcatHelper.*");
    assertThat(ping.out()).as("the compile command is quiet").doesNotContain("CompileCommand: dontinline");
    assertThat(ping.out() + ping.err()).doesNotContain("Unrecognized");
  }

  @Test
  void offlineLinesReachTheCommandsThatDoNotConnectButNotLabServe() throws Exception {
    Path home = unpacked();
    Map<String, String> env = userWithJavaOpts("-XshowSettings:properties");
    String property = "jdk.reflect.useNativeAccessorOnly = true";
    Release.Result validate = Release.run(home, env, "bin/trustchain", "validate", "--help");
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.err()).as(validate.toString()).contains(property);
    for (String[] command : List.of(new String[] {"ping", "--help"}, new String[] {"--version"},
        new String[] {"lab", "serve", "--help"})) {
      String[] args = new String[command.length + 1];
      args[0] = "bin/trustchain";
      System.arraycopy(command, 0, args, 1, command.length);
      Release.Result r = Release.run(home, env, args);
      assertThat(r.code()).as(r.toString()).isZero();
      assertThat(r.err()).as(r.toString()).contains("java.class.path").doesNotContain("useNativeAccessorOnly");
    }
  }

  /** The release archive unpacked into the test's folder, as a user would: its top folder. */
  private Path unpacked() throws Exception {
    Release.untar(Release.archive(), dir);
    return dir.resolve("trustchain-" + Release.VERSION);
  }

  /** A user's environment with a Java on its PATH, and {@code opts} for trustchain's JVM. */
  private Map<String, String> userWithJavaOpts(String opts) {
    Map<String, String> env = new HashMap<>(Release.userWithJava(dir.resolve("user")));
    env.put("TRUSTCHAIN_JAVA_OPTS", opts);
    return env;
  }
}
