package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.server.InProcessLabProvider;
import io.trustchain.spi.LabHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull mode ({@code ansible_connection: local}, issue 9): plan → apply → plan run the engine's scripts on this
 * machine's real {@code /bin/sh}, with the macOS tools replaced by small wrappers that run the lab's simulated
 * tools on a lab Mac (over SSH as root, as a LaunchDaemon runs trustchain). Nothing of the engine talks to the
 * lab: only the tools do. File tools ({@code cat}, {@code mkdir}, {@code rm}, {@code mv}) and redirections are
 * this machine's own: the shell ({@code ansible_shell_executable}) is {@code /bin/sh} in a private mount
 * namespace whose {@code /var} is the test's folder, so the apply lock in {@code /var/db/trustchain} is written
 * there, never to the real {@code /var} (this needs root and util-linux {@code unshare}, as the suite has).
 */
class PullModeEndToEndTest {

  /** The tools the engine calls by name, each forwarded to the same tool of the lab Mac. */
  static final List<String> TOOLS = List.of("sw_vers", "uname", "id", "sysctl", "arch", "dscl", "dseditgroup",
      "sysadminctl", "diskutil", "fdesetup", "profiles", "defaults", "date", "osascript", "expect");

  /** As examples/pull/trustchain-pull passes it: the fleet's inventory, this Mac's entry, run here. */
  static final String LOCAL = "ansible_connection=local";

  @TempDir Path dir;

  /**
   * A wrapper: its arguments quoted for the lab's sh, stdin forwarded only when the arguments ask for it (a lone
   * {@code -} or {@code -inputplist}), as the real tools read stdin only then; otherwise {@code ssh -n}, so a tool
   * inside a {@code while read} loop does not swallow the loop's input. One multiplexed SSH connection serves
   * every call (ControlMaster); since a multiplexed session may lose the exit status, the lab appends it to
   * stderr ({@code @@rc=N}) and the wrapper exits with it.
   */
  static String wrapper(String tool, int port, Path key, Path knownHosts, Path controlDir) {
    return """
        #!/bin/sh
        # pull-mode test: the lab's %1$s on the simulated Mac
        cmd=%1$s
        stdin=-n
        case "$cmd" in osascript|expect) stdin= ;; esac   # they read the password from stdin
        for a in "$@"; do
          case "$a" in -|-inputplist) stdin= ;; esac
          cmd="$cmd '$(printf '%%s' "$a" | sed "s/'/'\\\\''/g")'"
        done
        err=$(mktemp)
        ssh $stdin -F /dev/null -i '%2$s' -o UserKnownHostsFile='%3$s' -o StrictHostKeyChecking=yes \\
          -o BatchMode=yes -o LogLevel=ERROR -o ControlMaster=auto -o ControlPath='%5$s/cm-%%p' \\
          -o ControlPersist=60 -p %4$d root@127.0.0.1 "$cmd; printf '@@rc=%%s\\n' \\"\\$?\\" >&2" 2>"$err"
        rc=$(sed -n 's/.*@@rc=\\([0-9]*\\)$/\\1/p' "$err" | tail -n 1)
        awk '{ if (sub(/@@rc=[0-9]+$/, "")) { if ($0 != "") printf "%%s", $0 } else print }' "$err" >&2
        rm -f "$err"
        exit "${rc:-255}"
        """.formatted(tool, key, knownHosts, port, controlDir);
  }

  @Test
  void planApplyPlan_onThisMachinesShell_converges() throws Exception {
    LabWorkspace ws = LabWorkspace.create(dir, Map.of());
    int port = io.trustchain.testing.Ports.free();
    LabHost mac = new LabHost("mac-pulled", "127.0.0.1", port, LabWorkspace.REPO.resolve(
        "lab/scenarios/catalina-intel.yml"), ws.state, ws.state.resolve("known_hosts"), ws.state.resolve("id_ed25519"),
        "ladmin");
    Path fakebin = Files.createDirectories(dir.resolve("fakebin"));
    for (String tool : TOOLS) {
      Path w = fakebin.resolve(tool);
      Files.writeString(w, wrapper(tool, port, mac.clientKeyFile(), mac.knownHostsFile(), dir));
      assertThat(w.toFile().setExecutable(true)).isTrue();
    }
    Path var = Files.createDirectories(dir.resolve("var/db"));
    Path shell = ws.write("nsh", """
        #!/bin/sh
        # /bin/sh with a private /var: the test's folder (mount namespace)
        exec unshare -m sh -c 'mount --bind "$0" /var && exec /bin/sh "$@"' '%s' "$@"
        """.formatted(var.getParent()));
    assertThat(shell.toFile().setExecutable(true)).isTrue();
    String inventory = ws.write("inventory/pull.yml", """
        all:
          children:
            lab:
              hosts:
                mac-pulled:
                  trustchain_local_path: "{{ inventory_dir }}/../fakebin:/usr/bin:/bin"
                  ansible_shell_executable: "{{ inventory_dir }}/../nsh"
        """).toString();
    String playbook = ws.write("playbooks/self.yml", """
        - name: This Mac applies its own state
          hosts: mac-pulled
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
        """).toString();

    try (AutoCloseable served = new InProcessLabProvider().serve(List.of(mac))) {
      LabWorkspace.Result plan = ws.run("plan", "-i", inventory, "-e", LOCAL, "--detailed-exitcode", playbook);
      assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
      assertThat(plan.out()).contains("mac-pulled (Mac OS X 10.15.7, x86_64)", "~ user[alice] will be changed");

      LabWorkspace.Result apply = ws.run("apply", "-i", inventory, "-e", LOCAL, "--yes", playbook);
      assertThat(apply.code()).as(apply.toString()).isZero();
      assertThat(apply.out()).contains("mac-pulled: converged");
      com.fasterxml.jackson.databind.JsonNode alice = null;
      for (com.fasterxml.jackson.databind.JsonNode u : LabState.of(ws, "mac-pulled").path("users")) {
        alice = u.path("name").asText().equals("alice") ? u : alice;
      }
      assertThat(alice).isNotNull();
      assertThat(alice.path("authenticationAuthority").toString()).as("the lab Mac granted alice a token")
          .contains(";SecureToken;");
      assertThat(var.resolve("trustchain")).as("the lock was taken and released in the private /var").isDirectory();
      assertThat(var.resolve("trustchain/apply.lock")).doesNotExist();

      LabWorkspace.Result again = ws.run("plan", "-i", inventory, "-e", LOCAL, "--detailed-exitcode", playbook);
      assertThat(again.code()).as(again.toString()).isZero();
      assertThat(again.out()).contains("No changes.");
    }
    String log = Files.readString(ws.state.resolve("mac-pulled").resolve("exec.log"));
    assertThat(log).as("the lab received single tool calls, never the engine's scripts")
        .contains("sysadminctl '-secureTokenStatus' 'alice'").doesNotContain("@@tc");
  }
}
