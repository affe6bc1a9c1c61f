package io.trustchain.cli;

import io.trustchain.spi.CliExtension;
import io.trustchain.spi.LabProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Where the lab (the simulated Macs) comes from. The production classpath ({@code lib/}) never holds
 * it: the distribution keeps the lab's jar and its own libraries (Apache MINA SSHD) in a {@code lab/}
 * folder beside {@code lib/}, opened in a class loader of its own only when a command needs it
 * ({@code trustchain lab …}, or a run whose inventory names lab hosts). In development and in the
 * tests the lab is on the classpath and is used from there.
 *
 * <p>The folder is {@code -Dtrustchain.lab.dir=DIR} when given, else {@code ../lab} beside the folder
 * of the jar this class came from.
 */
public final class LabArtifact {

  /** The system property naming the lab folder. */
  public static final String DIR_PROPERTY = "trustchain.lab.dir";

  private final Optional<Path> dir;
  private ClassLoader loader;
  private boolean opened;

  LabArtifact(Optional<Path> dir) {
    this.dir = dir;
  }

  /** The lab folder of this installation (see the class comment); it need not exist. */
  public static LabArtifact system() {
    String property = System.getProperty(DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return new LabArtifact(Optional.of(Path.of(property)));
    }
    return new LabArtifact(besideOurJar());
  }

  private static Optional<Path> besideOurJar() {
    try {
      var source = LabArtifact.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path jar = Path.of(source.getLocation().toURI());
      Path lib = jar.getParent();
      return Files.isRegularFile(jar) && lib != null && lib.getParent() != null
          ? Optional.of(lib.getParent().resolve("lab")) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Whether the lab can be had: on the classpath, or in a lab folder with jars. */
  public boolean installed() {
    return onClasspath() || !jars().isEmpty();
  }

  /** The lab's run-time side: serves simulated Macs for a run against a lab inventory. */
  public Optional<LabProvider> provider() {
    return loader().flatMap(l -> ServiceLoader.load(LabProvider.class, l).findFirst());
  }

  /** The lab's commands ({@code trustchain lab}). */
  public List<CliExtension> extensions() {
    List<CliExtension> found = new ArrayList<>();
    loader().ifPresent(l -> ServiceLoader.load(CliExtension.class, l).forEach(found::add));
    return found;
  }

  /** The class loader the lab's classes come from; opened once, on first use. */
  synchronized Optional<ClassLoader> loader() {
    if (!opened) {
      opened = true;
      loader = onClasspath() ? LabArtifact.class.getClassLoader() : open();
    }
    return Optional.ofNullable(loader);
  }

  private static boolean onClasspath() {
    return ServiceLoader.load(LabProvider.class, LabArtifact.class.getClassLoader()).stream().findFirst().isPresent();
  }

  private ClassLoader open() {
    List<Path> jars = jars();
    if (jars.isEmpty()) {
      return null;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return new URLClassLoader("trustchain-lab", urls, LabArtifact.class.getClassLoader());
  }

  private List<Path> jars() {
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lab folder " + dir.get(), e);
    }
  }

  @Override
  public String toString() {
    return "lab " + (onClasspath() ? "on the classpath" : dir.map(Path::toString).orElse("(no folder)"));
  }
}
