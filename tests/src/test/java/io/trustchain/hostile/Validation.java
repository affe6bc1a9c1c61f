package io.trustchain.hostile;

import io.trustchain.cli.Cli;
import io.trustchain.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code trustchain validate} in this JVM on a case's folder, the way a person would in that
 * folder, and measures what it cost: wall time and the bytes this thread allocated (so an alias bomb
 * or a range bomb shows up even when the heap survives it).
 */
final class Validation {

  record Outcome(int code, String out, String err, long millis, long allocatedBytes, Throwable thrown) {}

  private Validation() {}

  static void write(Path dir, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
  }

  static Outcome run(Path dir, String[] args, Map<String, String> env) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    long allocatedBefore = threads.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = -1;
    Throwable thrown = null;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Cli.create(new CliEnvironment(env, dir, new ByteArrayInputStream(new byte[0]), false), o, e)
          .execute(args);
    } catch (Throwable t) {   // StackOverflowError, OutOfMemoryError: a finding, reported as such
      thrown = t;
    }
    return new Outcome(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000,
        threads.getThreadAllocatedBytes(thread) - allocatedBefore, thrown);
  }
}
