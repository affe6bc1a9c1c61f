package io.trustchain.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JDK 21 honesty: a virtual thread that blocks inside {@code synchronized} pins its carrier thread (JEP 444;
 * only JDK 24 lifted it, JEP 491). The classes whose critical sections wait on the network, on a process or
 * on a command ({@code exec}, resolving a {@code command:} secret, running a vault password script) use
 * {@code ReentrantLock} instead. The suite runs on a newer JDK, where pinning cannot be observed, so this
 * checks the sources.
 */
class NoWaitInSynchronizedTest {

  private static final Pattern SYNCHRONIZED = Pattern.compile("^(?!\\s*(//|\\*|/\\*)).*\\bsynchronized\\b",
      Pattern.MULTILINE);

  private static final List<String> WAITING = List.of(
      "engine/src/main/java/io/trustchain/transport/ssh/SshTransport.java",
      "engine/src/main/java/io/trustchain/secret/DefaultSecretResolver.java",
      "engine/src/main/java/io/trustchain/secret/VaultPasswords.java");

  @Test
  void classesThatWaitLockWithReentrantLock() throws Exception {
    for (String file : WAITING) {
      String source = Files.readString(Path.of(file));
      assertThat(SYNCHRONIZED.matcher(source).find()).as(file + " uses synchronized").isFalse();
      assertThat(source).as(file).contains("ReentrantLock");
    }
  }
}
