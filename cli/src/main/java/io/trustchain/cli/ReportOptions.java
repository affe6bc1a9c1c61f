package io.trustchain.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --report-junit FILE} and {@code --report-json FILE}: machine-readable reports for CI. */
public final class ReportOptions {

  @Option(names = "--report-junit", paramLabel = "FILE",
      description = "Write a JUnit XML report: a test suite per host, a test case per host and resource.")
  Path junit;

  @Option(names = "--report-json", paramLabel = "FILE",
      description = "Write the JSON report (plan: the saved-plan JSON; apply: the run, its batches and every host).")
  Path json;

  Optional<Path> junit(CliEnvironment environment) {
    return Optional.ofNullable(junit).map(p -> environment.cwd().resolve(p));
  }

  Optional<Path> json(CliEnvironment environment) {
    return Optional.ofNullable(json).map(p -> environment.cwd().resolve(p));
  }

  /** Writes {@code text} to {@code file} whole: a temporary file beside it, renamed into place. */
  static void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserException(ExitCodes.FAILED, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
