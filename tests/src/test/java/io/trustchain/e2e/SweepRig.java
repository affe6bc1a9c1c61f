package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.macos.MacHostFactory;
import io.trustchain.lab.server.LabServer;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.Secret;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One simulated Mac with every kind of change to make ({@code lab/scenarios/faults/sweep.yml}), served
 * by a {@link LabServer} of the test behind a {@link CuttingProxy}; the engine reaches it only through
 * the proxy (the inventory names no lab scenario, so runs start no lab of their own), in this JVM or in
 * a child JVM. Between rounds the Mac starts again from its scenario and the escrow store is emptied.
 */
final class SweepRig implements AutoCloseable {

  static final String HOST = "mac-sweep";
  static final String SCENARIO = "faults/sweep.yml";
  static final String PLIST = "/var/db/trustchain-filevault.plist";
  private static final Pattern FORCE_UNLOCK = Pattern.compile("--force-unlock ([0-9a-f]{8,}|any)\\b");

  static final String PLAYBOOK = """
      - name: Every kind of change at once
        hosts: all
        credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
        escrow: {store: vault, path: ../.trustchain/escrow}
        resources:
          - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
          - user:
              name: svc-backup
              full_name: Backup Service
              hidden: true
              shell: /usr/bin/false
              password: "{{ vault_svc_backup_password }}"
              secure_token: false
          - user: {name: olduser, state: absent}
          - filevault:
              enabled: true
              enable_with: immediate
              unlock_users: [tcadmin, alice]
              user_passwords: {alice: "{{ vault_alice_password }}"}
              personal_recovery_key: {escrow: true}
          - bootstrap_token: {escrowed: true}
      """;

  final LabWorkspace ws;
  final GatedMacs macs = new GatedMacs();
  final CuttingProxy proxy;
  final String playbook;
  private final LabServer lab;
  private final Path scenario = LabWorkspace.REPO.resolve("lab/scenarios").resolve(SCENARIO);

  SweepRig(Path dir) throws Exception {
    ws = LabWorkspace.create(dir, Map.of());
    int labPort = io.trustchain.testing.Ports.free();
    LabHost host = new LabHost(HOST, "127.0.0.1", labPort, scenario, ws.state, ws.state.resolve("known_hosts"),
        ws.state.resolve("id_ed25519"), "ladmin");
    lab = LabServer.start(List.of(host), macs);
    proxy = new CuttingProxy(io.trustchain.testing.Ports.free(), new InetSocketAddress("127.0.0.1", labPort));
    Path knownHosts = ws.state.resolve("known_hosts");
    String entries = Files.readString(knownHosts);
    Files.writeString(knownHosts, entries + entries.replace("[127.0.0.1]:" + labPort + " ",
        "[127.0.0.1]:" + proxy.port() + " "));
    ws.write("inventory/lab.yml", """
        all:
          children:
            lab:
              hosts:
                %s:
                  ansible_host: 127.0.0.1
                  ansible_port: %d
                  ansible_user: ladmin
                  ansible_become: true
                  ansible_become_password: "{{ vault_ladmin_password }}"
                  ansible_ssh_private_key_file: "{{ inventory_dir }}/../.trustchain/lab/id_ed25519"
                  ansible_ssh_common_args: "-o UserKnownHostsFile={{ inventory_dir }}/../.trustchain/lab/known_hosts"
        """.formatted(HOST, proxy.port()));
    playbook = ws.write("playbooks/sweep.yml", PLAYBOOK).toString();
  }

  /** The Mac as its scenario has it, an empty escrow store, no audit log, an empty exec.log. */
  void reset() throws IOException {
    new MacHostFactory().open(HOST, scenario, ws.state).reset();
    deleteTree(ws.dir.resolve(".trustchain/escrow"));
    Files.deleteIfExists(ws.dir.resolve(".trustchain/audit.jsonl"));
    Files.deleteIfExists(ws.state.resolve(HOST).resolve("exec.log"));
  }

  /** {@code trustchain apply --yes PLAYBOOK} in a child JVM, its output in {@code log}. */
  Process startChild(Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), "io.trustchain.cli.Main", "apply", "--yes", playbook)
        .directory(ws.dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_") || k.startsWith("TRUSTCHAIN"));
    return pb.start();
  }

  /**
   * The clean rerun an operator makes after a fault: {@code apply --yes}; when it is refused by a lock
   * it names, the {@code --force-unlock RUN} it tells to use. Returns every run's output.
   */
  List<LabWorkspace.Result> rerun() {
    List<LabWorkspace.Result> runs = new ArrayList<>();
    LabWorkspace.Result r = ws.run("apply", "--yes", playbook);
    runs.add(r);
    Matcher forced = FORCE_UNLOCK.matcher(r.out() + r.err());
    if (r.code() != 0 && forced.find()) {
      runs.add(ws.run("apply", "--yes", "--force-unlock", forced.group(1), playbook));
    }
    return runs;
  }

  boolean lockExists() {
    return LockTest.lockExists(ws, HOST, SCENARIO);
  }

  /**
   * The run id in the owner file of the apply lock on the Mac, when there is a lock; {@code any} for a
   * lock without an owner file (a run killed between taking the lock and writing its owner), which only
   * {@code --force-unlock any} breaks.
   */
  Optional<String> lockRunId() throws Exception {
    if (!lockExists()) {
      return Optional.empty();
    }
    String owner = LockTest.shell(ws, HOST, SCENARIO, "cat " + LockTest.LOCK + "/owner 2>/dev/null || true");
    return owner.lines().filter(l -> l.startsWith("run_id=")).map(l -> l.substring("run_id=".length()).strip())
        .findFirst().or(() -> Optional.of("any"));
  }

  /** The Mac's one valid personal recovery key, or null. */
  String macKey() throws IOException {
    return LabState.recoveryKey(ws, HOST);
  }

  /** The key the escrow store holds for the Mac (decrypted in this JVM), or null. */
  String escrowedKey() throws Exception {
    Path file = ws.dir.resolve(".trustchain/escrow").resolve(HOST).resolve("personal_recovery_key.yml");
    if (!Files.exists(file)) {
      return null;
    }
    byte[] plain = AnsibleVault.decrypt(Files.readString(file), Secret.of(LabWorkspace.secret("vault-password")),
        file.toString());
    return LabState.escrowedValue(new String(plain, StandardCharsets.UTF_8));
  }

  boolean plistOnMac() throws IOException {
    return LabState.hasFile(ws, HOST, PLIST);
  }

  /** Every lab password, the vault password and (when given) the recovery key: none may be written. */
  void assertNoSecretIn(String what, String text, Optional<String> key) throws IOException {
    for (String name : List.of("tcadmin", "alice", "svc-backup", "ladmin", "olduser", "vault-password")) {
      assertThat(text).as("%s holds the %s secret", what, name).doesNotContain(LabWorkspace.secret(name));
    }
    key.ifPresent(k -> assertThat(text).as("%s holds the recovery key", what).doesNotContain(k));
  }

  /** What the engine wrote outside the Mac: outputs, reports, the audit log, the escrow store (encrypted). */
  String engineFiles() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(ws.dir)) {
      for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(ws.state.resolve(HOST))).toList()) {
        all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }

  /** The command strings the Mac received (a secret there would be in the Mac's process list). */
  String execLog() throws IOException {
    Path log = ws.state.resolve(HOST).resolve("exec.log");
    // the exec strings sshd received; the programs' argv lines are ArgvSecretScanTest's (one documented exposure)
    return Files.exists(log) ? String.join("\n", Files.readString(log).lines().filter(l -> !l.startsWith("argv: "))
        .toList()) : "";
  }

  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs
    p.waitFor(30, TimeUnit.SECONDS);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    proxy.close();
    lab.close();
  }
}
