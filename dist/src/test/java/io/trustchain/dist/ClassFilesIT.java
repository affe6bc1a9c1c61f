package io.trustchain.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * lib/ after upgrade-classfiles.sh: built on Java 24+, no class file older than version 50 is left (the start-up
 * caches could not hold it), and every class the step rewrote loads and links (the step itself has run the JDK's
 * type-checking verifier over each one and stops the build on any error).
 */
class ClassFilesIT {

  private static final Path LIB = Release.TARGET.resolve("lib");

  @Test
  void noClassFileOlderThanJava6IsLeftInLib() throws IOException {
    Map<String, Integer> old = new TreeMap<>();
    for (Path jar : jars()) {
      classVersions(jar).forEach((name, version) -> {
        if (version < 50) {
          old.put(jar.getFileName() + "!" + name, version);
        }
      });
    }
    if (Runtime.version().feature() >= 24) {
      assertThat(old).as("class files older than version 50 in %s", LIB).isEmpty();
    } else {
      assertThat(old).as("built without the ClassFile API: picocli stays as published").isNotEmpty();
    }
  }

  @Test
  void theRewrittenClassesPassTheVerifier() throws Exception {
    List<Path> jars = jars();
    List<String> rewritten = new ArrayList<>();
    for (Path jar : jars) {
      classVersions(jar).forEach((name, version) -> {
        if (version == 50 && (name.startsWith("picocli/") || name.startsWith("com/google/inject/"))) {
          rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
      });
    }
    if (Runtime.version().feature() < 24) {
      return; // nothing was rewritten: the test above says so
    }
    assertThat(rewritten).as("picocli's and Guice's Java 5 classes, now version 50").hasSizeGreaterThan(200);
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    List<String> refused = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (String name : rewritten) {
        try {
          Class.forName(name, true, loader); // linking verifies the class
        } catch (VerifyError | ClassFormatError e) {
          refused.add(name + ": " + e.getMessage());
        } catch (LinkageError e) {
          // an optional library absent or a static initialiser's own failure: verification passed before it
        }
      }
    }
    assertThat(refused).isEmpty();
  }

  private static List<Path> jars() throws IOException {
    try (Stream<Path> files = Files.list(LIB)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static Map<String, Integer> classVersions(Path jar) throws IOException {
    Map<String, Integer> versions = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] head = in.readNBytes(8);
          versions.put(entry.getName(), ((head[6] & 0xff) << 8) | (head[7] & 0xff));
        }
      }
    }
    return versions;
  }
}
