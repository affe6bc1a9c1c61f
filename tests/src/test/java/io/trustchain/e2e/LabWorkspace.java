package io.trustchain.e2e;

import io.trustchain.cli.Cli;
import io.trustchain.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway copy of the project's lab set-up for one test: an inventory of simulated Macs on free
 * loopback ports (scenarios from lab/scenarios/), their own state folder, client key and known_hosts,
 * the lab's vault-encrypted secrets, and an ansible.cfg naming the lab's vault password file. Commands
 * run the real CLI in-process; the engine reaches the Macs over real SSH. Everything every command
 * printed is kept, so a test can scan it for secrets.
 */
final class LabWorkspace {

  static final Path REPO = Path.of("").toAbsolutePath();

  /** The playbook most fault and lock tests apply: alice holds a Secure Token, granted through tcadmin. */
  static final String ALICE_TOKEN = """
      - name: Alice holds a Secure Token
        hosts: all
        credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
        resources:
          - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
      """;

  final Path dir;
  final Path inventory;
  final Path state;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> transcript = new ArrayList<>();

  private LabWorkspace(Path dir) {
    this.dir = dir;
    this.inventory = dir.resolve("inventory/lab.yml");
    this.state = dir.resolve(".trustchain/lab");
  }

  /** A workspace whose hosts (name → scenario file under lab/scenarios/) sit in the given groups. */
  static LabWorkspace create(Path dir, Map<String, Map<String, String>> groups) throws IOException {
    LabWorkspace ws = new LabWorkspace(dir);
    Files.createDirectories(dir.resolve("inventory/group_vars"));
    Files.copy(REPO.resolve("inventory/group_vars/lab.yml"), dir.resolve("inventory/group_vars/lab.yml"));
    Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ninventory = inventory/lab.yml\nvault_password_file = "
        + REPO.resolve("lab/secrets/vault-password") + "\n");
    StringBuilder yml = new StringBuilder("""
        all:
          children:
            lab:
              vars:
                ansible_host: 127.0.0.1
                ansible_user: ladmin
                ansible_become: true
                ansible_become_password: "{{ vault_ladmin_password }}"
                ansible_ssh_private_key_file: "{{ inventory_dir }}/../.trustchain/lab/id_ed25519"
                ansible_ssh_common_args: "-o UserKnownHostsFile={{ inventory_dir }}/../.trustchain/lab/known_hosts"
                trustchain_lab_state: "{{ inventory_dir }}/../.trustchain/lab"
              children:
        """);
    for (Map.Entry<String, Map<String, String>> group : groups.entrySet()) {
      yml.append("        ").append(group.getKey()).append(":\n          hosts:\n");
      for (Map.Entry<String, String> host : group.getValue().entrySet()) {
        yml.append("            ").append(host.getKey()).append(":\n")
            .append("              ansible_port: ").append(freePort()).append('\n')
            .append("              trustchain_lab_scenario: ")
            .append(REPO.resolve("lab/scenarios").resolve(host.getValue())).append('\n');
      }
    }
    Files.writeString(ws.inventory, yml.toString());
    return ws;
  }

  /** The project's own fleet: mac-ventura in engineering, mac-catalina and mac-sequoia in design. */
  static LabWorkspace standard(Path dir) throws IOException {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("engineering", Map.of("mac-ventura", "ventura-arm.yml"));
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-catalina", "catalina-intel.yml");
    design.put("mac-sequoia", "sequoia-arm.yml");
    groups.put("design", design);
    return create(dir, groups);
  }

  LabWorkspace env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /**
   * {@code facts --format json ARGS} without the Mac's clock, which moves at every read: what tests compare to
   * see that nothing changed on a Mac.
   */
  String factsJson(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "facts";
    all[1] = "--format";
    all[2] = "json";
    System.arraycopy(args, 0, all, 3, args.length);
    return run(all).out().replaceAll(",\\n\\s*\"clock\": \"[^\"]*\"", "");
  }

  /** Runs {@code trustchain ARGS} in this workspace (as if typed in its folder, no terminal). */
  Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), false, args);
  }

  /** Runs {@code trustchain ARGS} as if typed at a terminal whose keyboard is {@code stdin}. */
  Result runAtTerminal(java.io.InputStream stdin, String... args) {
    return run(stdin, true, args);
  }

  private Result run(java.io.InputStream stdin, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(Map.copyOf(env), dir, stdin, terminal);
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Cli.create(environment, o, e).execute(args);
    }
    Result result = new Result(code, out.toString(), err.toString());
    synchronized (transcript) {
      transcript.add("$ trustchain " + String.join(" ", args) + "\n" + result.out() + result.err());
    }
    return result;
  }

  /** Everything the commands of this workspace printed so far. */
  String transcript() {
    synchronized (transcript) {
      return String.join("\n", transcript);
    }
  }

  /** Every file the runs wrote under the workspace (state, keys, known_hosts, logs), as text. */
  String writtenFiles() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        all.append("== ").append(dir.relativize(p)).append('\n');
        all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }

  /** The execs HOST received so far: each entry of its exec.log (the command string as sent). */
  List<String> execs(String host) throws IOException {
    Path log = state.resolve(host).resolve("exec.log");
    if (!Files.exists(log)) {
      return List.of();
    }
    List<String> entries = new ArrayList<>();
    for (String part : ("\n" + Files.readString(log)).split("\n--- ")) {
      if (!part.isBlank()) {
        entries.add(part);
      }
    }
    return entries;
  }

  static String secret(String name) throws IOException {
    return Files.readAllLines(REPO.resolve("lab/secrets").resolve(name)).get(0).strip();
  }

  private static int freePort() throws IOException {
    return io.trustchain.testing.Ports.free();
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }
}
