package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairsTest {

  @TempDir
  Path tmp;

  @Test
  void aKeyOpenedOnce_isServedUntilItsFileChanges() throws Exception {
    Path file = tmp.resolve("id_ed25519");
    Files.writeString(file, "key one");
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPairs keys = new KeyPairs();
    assertThat(keys.get(file)).isEmpty();

    BasicFileAttributes before = KeyPairs.stat(file).orElseThrow();
    keys.opened(file, before.lastModifiedTime(), before.size(), pair);
    assertThat(keys.get(file)).hasValueSatisfying(k -> {
      try {
        assertThat(k.getPrivate()).isSameAs(pair.getPrivate());
        assertThat(k.getPublic()).isSameAs(pair.getPublic());
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });

    Files.writeString(file, "key two, longer");
    assertThat(keys.get(file)).as("the file changed: read it again").isEmpty();
    keys.opened(file, before.lastModifiedTime(), before.size(), pair);
    Files.writeString(file, "key one");
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.lastModifiedTime().toMillis() + 5_000));
    assertThat(keys.get(file)).as("same size, another time").isEmpty();
    Files.delete(file);
    assertThat(keys.get(file)).isEmpty();
  }
}
