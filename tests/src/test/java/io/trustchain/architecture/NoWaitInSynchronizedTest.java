package io.trustchain.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JDK 21 honesty: a virtual thread that blocks inside {@code synchronized} pins its carrier thread (JEP 444;
 * only JDK 24 lifted it, JEP 491). The classes whose critical sections wait on the network, on a process, on a
 * command or on another process's file lock ({@code exec}, resolving a {@code command:} secret, running a vault
 * password script, the lab's locked files) use {@code ReentrantLock} instead. The suite runs on a newer JDK,
 * where pinning cannot be observed, so this checks the sources: every {@code synchronized} in the production
 * code of every module is in a file listed below with why it never waits there; a new one fails the build until
 * someone has looked.
 */
class NoWaitInSynchronizedTest {

  private static final Pattern SYNCHRONIZED = Pattern.compile("^(?!\\s*(//|\\*|/\\*)).*\\bsynchronized\\b",
      Pattern.MULTILINE);

  private static final List<String> MODULES = List.of("engine", "cli", "modules", "lab", "dist");

  /** The classes that wait: they must lock with ReentrantLock. */
  private static final List<String> WAITING = List.of(
      "engine/src/main/java/io/trustchain/transport/ssh/SshTransport.java",
      "engine/src/main/java/io/trustchain/transport/local/LocalTransport.java",
      "engine/src/main/java/io/trustchain/secret/DefaultSecretResolver.java",
      "engine/src/main/java/io/trustchain/secret/VaultPasswords.java",
      "lab/src/main/java/io/trustchain/lab/server/KnownHosts.java",
      "lab/src/main/java/io/trustchain/lab/server/LabKeys.java",
      "lab/src/main/java/io/trustchain/lab/server/LabKnownHostsFiles.java");

  /** Where {@code synchronized} stays, and why nothing waits inside it. */
  private static final Map<String, String> ALLOWED = Map.ofEntries(
      Map.entry("cli/src/main/java/io/trustchain/cli/LabArtifact.java", "opens a class loader once, no wait"),
      Map.entry("cli/src/main/java/io/trustchain/cli/Timings.java", "one line to stderr"),
      Map.entry("cli/src/main/java/io/trustchain/cli/VerboseConnector.java", "one line to stderr"),
      Map.entry("engine/src/main/java/io/trustchain/diag/Diagnostics.java", "list updates"),
      Map.entry("engine/src/main/java/io/trustchain/playbook/ResourceBinder.java", "a map of prepared plays"),
      Map.entry("engine/src/main/java/io/trustchain/run/Load.java", "reads ~/.ssh/config once"),
      Map.entry("engine/src/main/java/io/trustchain/transport/ssh/KnownHosts.java",
          "checks keys in memory, appends one line (no file lock)"),
      Map.entry("lab/src/main/java/io/trustchain/lab/server/ExecLog.java", "appends one entry (no file lock)"));

  @Test
  void classesThatWaitLockWithReentrantLock() throws Exception {
    for (String file : WAITING) {
      String source = Files.readString(Path.of(file));
      assertThat(SYNCHRONIZED.matcher(source).find()).as(file + " uses synchronized").isFalse();
      assertThat(source).as(file).contains("ReentrantLock");
    }
  }

  @Test
  void everySynchronizedInProductionCodeIsOneThatNeverWaits() throws Exception {
    TreeSet<String> found = new TreeSet<>();
    for (String module : MODULES) {
      Path main = Path.of(module, "src/main/java");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(main)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (SYNCHRONIZED.matcher(Files.readString(f)).find()) {
            found.add(f.toString().replace('\\', '/'));
          }
        }
      }
    }
    assertThat(found).as("files with synchronized; a new one: use ReentrantLock if it may wait, else add it here"
        + " with why it never waits").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
  }
}
