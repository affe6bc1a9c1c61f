package io.trustchain.secret;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program whose standard output is a secret: stdin is empty, stderr is discarded (it
 * could echo the value), stdout is read concurrently so a full pipe cannot block the program.
 */
final class ProcessRunner {

  /** The outcome; {@code stdout} is only meaningful when {@code exitCode == 0}. */
  record Result(int exitCode, byte[] stdout) {
    @Override
    public String toString() {
      return "Result[exit=" + exitCode + ", stdout=(sensitive)]";
    }
  }

  /** The program did not finish in time and was killed. */
  static final class TimedOut extends Exception {
    TimedOut() {
      super(null, null, false, false);
    }
  }

  private ProcessRunner() {}

  static Result run(List<String> argv, Path workDir, Duration timeout) throws IOException, TimedOut {
    ProcessBuilder builder = new ProcessBuilder(argv)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process = builder.start();
    CompletableFuture<byte[]> stdout = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try (InputStream in = process.getInputStream()) {
        stdout.complete(in.readAllBytes());
      } catch (IOException e) {
        stdout.completeExceptionally(e);
      }
    });
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new TimedOut();
      }
      return new Result(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + argv.get(0), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + argv.get(0), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TimedOut();
    }
  }

  /** {@code text} without one trailing newline ({@code \n} or {@code \r\n}). */
  static String stripOneNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }
}
