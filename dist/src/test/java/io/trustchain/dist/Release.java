package io.trustchain.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built artifacts (dist/target) and a way to run their programs as a user would, in a clean environment. */
final class Release {

  static final Path TARGET = Path.of(System.getProperty("dist.dir", "target")).toAbsolutePath().normalize();
  static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

  private Release() {}

  static Path archive() {
    return TARGET.resolve("trustchain-" + VERSION + ".tar.gz");
  }

  static Path runtimeImage() throws IOException {
    try (var files = Files.list(TARGET)) {
      return files.filter(f -> f.getFileName().toString().startsWith("trustchain-" + VERSION + "-runtime-"))
          .findFirst().orElseThrow(() -> new IOException("no runtime image in " + TARGET));
    }
  }

  static Path ociImage() {
    return TARGET.resolve("trustchain-" + VERSION + "-oci.tar");
  }

  /** Unpacks a .tar.gz or .tar into {@code into} with the system's tar, as a user would. */
  static void untar(Path archive, Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    Result r = run(into, Map.of("PATH", "/usr/bin:/bin"), "tar", "xf", archive.toString());
    if (r.code() != 0) {
      throw new IOException("tar failed: " + r);
    }
  }

  /** The names in a tar (gzip or not). */
  static List<String> list(Path archive) throws IOException, InterruptedException {
    Result r = run(archive.getParent(), Map.of("PATH", "/usr/bin:/bin"), "tar", "tf", archive.toString());
    if (r.code() != 0) {
      throw new IOException("tar failed: " + r);
    }
    return r.out().lines().toList();
  }

  /** Runs a program with exactly {@code env} (no JAVA_HOME, no Maven unless given). */
  static Result run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile("release-out", ".txt");
    Path err = Files.createTempFile("release-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in 240 s");
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The environment of a user with only a Java (the one running the tests) and no Maven. */
  static Map<String, String> userWithJava(Path home) {
    return Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(), "JAVA_HOME", System.getProperty("java.home"),
        "LANG", "C.UTF-8");
  }

  static List<String> jarEntries(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }
}
