package io.trustchain.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * lib/ as the build leaves it: trustchain's jars, picocli's, and one jar of every other library (maven-shade-plugin:
 * one jar to open instead of forty, docs/performance.md, fourteenth pass), which must still be what the separate
 * jars were: their classes, every service file's providers, their versioned classes, no signature.
 */
class LibrariesJarIT {

  private static final Path LIB = Release.TARGET.resolve("lib");
  private static final Path LIBRARIES = LIB.resolve("libraries-" + Release.VERSION + ".jar");

  @Test
  void libHoldsTrustchainPicocliAndTheLibrariesJar() throws IOException {
    try (Stream<Path> files = Files.list(LIB)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted())
          .containsExactly("libraries-" + Release.VERSION + ".jar", "picocli-4.7.7.jar",
              "trustchain-cli-" + Release.VERSION + ".jar", "trustchain-engine-" + Release.VERSION + ".jar",
              "trustchain-modules-" + Release.VERSION + ".jar");
    }
  }

  @Test
  void holdsEveryLibraryTheCommandsUse() throws IOException {
    List<String> entries = Release.jarEntries(LIBRARIES);
    assertThat(entries).contains(
        "net/schmizz/sshj/SSHClient.class",                          // sshj
        "org/bouncycastle/math/ec/rfc8032/Ed25519.class",            // BouncyCastle
        "com/google/inject/Guice.class",                             // Guice
        "com/google/common/collect/ImmutableList.class",             // Guava
        "com/hubspot/jinjava/Jinjava.class",                         // Jinjava
        "org/snakeyaml/engine/v2/api/Load.class",                    // snakeyaml-engine
        "com/fasterxml/jackson/databind/ObjectMapper.class",         // Jackson
        "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
        "org/slf4j/nop/NOPServiceProvider.class");                   // slf4j-nop
    assertThat(entries).as("no signature, no module-info")
        .noneMatch(e -> e.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)") || e.endsWith("module-info.class"))
        .noneMatch(e -> e.startsWith("io/trustchain/") || e.startsWith("picocli/"));
  }

  @Test
  void serviceFilesListEveryLibrarysProviders() throws IOException {
    try (ZipFile zip = new ZipFile(LIBRARIES.toFile())) {
      String factories = new String(zip.getInputStream(zip.getEntry("META-INF/services/com.fasterxml.jackson.core.JsonFactory"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(factories.lines().map(String::strip)).as("jackson-core's and jackson-dataformat-yaml's")
          .contains("com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");
      String slf4j = new String(zip.getInputStream(zip.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(slf4j.lines().map(String::strip)).contains("org.slf4j.nop.NOPServiceProvider");
    }
  }

  @Test
  void isMultiReleaseSoTheLibrariesVersionedClassesStillApply() throws IOException {
    try (JarFile jar = new JarFile(LIBRARIES.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
      assertThat(jar.isMultiRelease()).isTrue();
      assertThat(jar.stream().map(e -> e.getName())).anyMatch(n -> n.startsWith("META-INF/versions/"));
    }
  }
}
