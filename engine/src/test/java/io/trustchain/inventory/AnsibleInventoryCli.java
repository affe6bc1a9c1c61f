package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the real {@code ansible-inventory} (ansible-core, installed here and in CI) with a throwaway
 * HOME, temp dir and working directory, and no ANSIBLE_* settings from the caller's environment.
 * Missing ansible is a test failure, not a skip. Runs are started ahead and cached: each costs
 * about half a second.
 */
final class AnsibleInventoryCli {

  private static final Map<List<String>, CompletableFuture<String>> RUNS = new ConcurrentHashMap<>();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "ansible-inventory");
    t.setDaemon(true);
    return t;
  });

  private AnsibleInventoryCli() {}

  /** Starts a run in the background (so several overlap); {@link #run} collects it. */
  static void prefetch(List<String> args) {
    RUNS.computeIfAbsent(List.copyOf(args), a -> CompletableFuture.supplyAsync(() -> execute(a), POOL));
  }

  /** The standard output of {@code ansible-inventory ARGS}; fails the test when it cannot run or fails. */
  static String run(List<String> args) {
    prefetch(args);
    return RUNS.get(List.copyOf(args)).join();
  }

  static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "ansible-inventory");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path debian = Path.of("/usr/bin/ansible-inventory");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    return fail("ansible-inventory is required by the Ansible comparison tests and was not found on PATH: "
        + "install ansible-core (apt-get install ansible-core, or pip install ansible-core)");
  }

  private static String execute(List<String> args) {
    try {
      Path home = Files.createTempDirectory("tc-ansible-home");
      List<String> command = new ArrayList<>();
      command.add(executable().toString());
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
      pb.environment().put("HOME", home.toString());
      pb.environment().put("ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString());
      pb.environment().put("ANSIBLE_NOCOLOR", "1");
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      Path err = home.resolve("stderr");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = p.waitFor();
      if (code != 0) {
        fail("ansible-inventory " + args + " exited " + code + ":\n" + Files.readString(err));
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
