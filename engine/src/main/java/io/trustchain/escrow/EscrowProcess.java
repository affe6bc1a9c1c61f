package io.trustchain.escrow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@code /bin/sh -c COMMAND} of a command store on the controller: given stdin bytes,
 * extra environment, a time limit. stderr is discarded (it could echo the secret); stdout is read
 * concurrently so a full pipe cannot block the program.
 */
final class EscrowProcess {

  /** The outcome; {@code stdout} may hold a secret and is never printed. */
  record Result(int exit, byte[] stdout) {
    @Override
    public String toString() {
      return "Result[exit=" + exit + ", stdout=(sensitive)]";
    }
  }

  private EscrowProcess() {}

  static Result run(String command, Path workDir, Map<String, String> env, byte[] stdin, Duration timeout)
      throws IOException, TimeoutException {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.directory(workDir.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try (InputStream in = process.getInputStream()) {
        out.complete(in.readAllBytes());
      } catch (IOException e) {
        out.completeExceptionally(e);
      }
    });
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    } catch (IOException e) {
      // the program did not read its input; its exit status says the rest
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new TimeoutException();
      }
      return new Result(process.exitValue(), out.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read its output", e.getCause());
    }
  }
}
