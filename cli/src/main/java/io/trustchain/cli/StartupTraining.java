package io.trustchain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload a checkout's {@code ./trustchain} runs once per build, on Java 25, to train the start-up cache
 * of the commands that connect ({@code ping}, {@code facts}, {@code plan}, {@code apply}, {@code report}): those
 * three commands against three simulated Macs of the lab, served in this process on free loopback ports, with
 * their state in a folder of their own that is deleted afterwards. The user's lab ({@code .trustchain/lab}) and
 * its fixed ports are never touched. Everything the commands print is discarded; the exit status is 0 only when
 * each of them succeeded, so a launcher can fall back to no cache otherwise.
 *
 * <p>{@code java … io.trustchain.cli.StartupTraining REPO SCRATCH} (REPO: the checkout, for the lab's scenarios,
 * vault values and password, and {@code playbooks/site.yml}; SCRATCH: a folder in the checkout where the workload
 * keeps its files); run it with SCRATCH as the working directory, as a command may write beside it.
 */
public final class StartupTraining {

  /** The groups {@code playbooks/site.yml} plans, each with its hosts and their scenarios. */
  private static final Map<String, Map<String, String>> GROUPS = Map.of(
      "engineering", Map.of("mac-ventura", "ventura-arm.yml"),
      "design", Map.of("mac-catalina", "catalina-intel.yml", "mac-sequoia", "sequoia-arm.yml"));

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: StartupTraining REPO SCRATCH");
      System.exit(64);
    }
    int failed = train(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]), LabArtifact.system());
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs the workload; returns how many of its commands did not exit 0. */
  public static int train(Path repo, Path scratch, LabArtifact lab) throws IOException {
    Files.createDirectories(scratch);
    Path work = Files.createTempDirectory(scratch.toAbsolutePath(), "training");
    try {
      Path inventory = writeInventory(repo, work);
      String vault = repo.resolve("lab/secrets/vault-password").toString();
      String inv = inventory.toString();
      List<String[]> commands = List.of(
          new String[] {"ping", "-i", inv, "--vault-password-file", vault},
          new String[] {"facts", "-i", inv, "--vault-password-file", vault, "--format", "json"},
          new String[] {"plan", "-i", inv, "--vault-password-file", vault, repo.resolve("playbooks/site.yml")
              .toString()});
      int failed = 0;
      PrintWriter none = new PrintWriter(PrintWriter.nullWriter());
      for (String[] command : commands) {
        int code = Cli.create(CliEnvironment.system(), none, none, lab, command).execute(command);
        if (code != 0) {
          System.err.println("training: `trustchain " + command[0] + "` exited " + code);
          failed++;
        }
      }
      return failed;
    } finally {
      delete(work);
    }
  }

  /** The lab inventory's shape (its groups, scenarios and vault values) on free ports, state under {@code work}. */
  private static Path writeInventory(Path repo, Path work) throws IOException {
    Path vars = work.resolve("inventory/group_vars");
    Files.createDirectories(vars);
    Files.copy(repo.resolve("inventory/group_vars/lab.yml"), vars.resolve("lab.yml"));
    Path state = work.resolve("state");
    List<String> lines = new ArrayList<>(List.of(
        "all:",
        "  children:",
        "    lab:",
        "      vars:",
        "        ansible_host: 127.0.0.1",
        "        ansible_user: ladmin",
        "        ansible_become: true",
        "        ansible_become_password: \"{{ vault_ladmin_password }}\"",
        "        ansible_ssh_private_key_file: " + quoted(state.resolve("id_ed25519")),
        "        ansible_ssh_common_args: " + quoted("-o UserKnownHostsFile=" + state.resolve("known_hosts")),
        "        trustchain_lab_state: " + quoted(state),
        "      children:"));
    for (var group : GROUPS.entrySet()) {
      lines.add("        " + group.getKey() + ":");
      lines.add("          hosts:");
      for (var host : group.getValue().entrySet()) {
        lines.add("            " + host.getKey() + ":");
        lines.add("              ansible_port: " + freePort());
        lines.add("              trustchain_lab_scenario: "
            + quoted(repo.resolve("lab/scenarios").resolve(host.getValue())));
      }
    }
    Path inventory = work.resolve("inventory/training.yml");
    Files.write(inventory, lines);
    return inventory;
  }

  private static String quoted(Object value) {
    return "'" + value.toString().replace("'", "''") + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("training: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
