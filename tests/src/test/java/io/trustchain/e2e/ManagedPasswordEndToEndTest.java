package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed account passwords (LAPS-style, issue 9), over real SSH against the lab: set through the management
 * credential, kept in escrow as pending before the Mac changes and promoted once the Mac accepts them, rotated by
 * age and on demand, drift when changed outside trustchain, never for the credential, and no password lost when a
 * connection drops at any step.
 */
class ManagedPasswordEndToEndTest {

  static final String PLAY = """
      - name: Local admin passwords are managed
        hosts: fleet
      %s  escrow: {store: vault, path: ../.trustchain/escrow}
        resources:
      %s""";

  @TempDir Path dir;

  static LabWorkspace fleet(Path dir, Map<String, String> hosts) throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("fleet", hosts);
    return LabWorkspace.create(dir, groups);
  }

  /** @param credential the play's credential, or null for a play without one */
  static String playbook(LabWorkspace ws, String credential, String resources) throws Exception {
    String line = credential == null ? "" : "  credential: {user: " + credential + ", password: \"{{ vault_" + credential
        + "_password }}\"}\n";
    return ws.write("playbooks/laps.yml", PLAY.formatted(line, resources)).toString();
  }

  static Path escrow(LabWorkspace ws, String host, String item) {
    return ws.dir.resolve(".trustchain/escrow").resolve(host).resolve(item + ".yml");
  }

  static String escrowed(LabWorkspace ws, String host, String item) throws Exception {
    return LabState.escrowedValue(LabState.ansibleVaultView(escrow(ws, host, item)));
  }

  /**
   * No managed password (nor the credential's) in anything trustchain printed or wrote outside escrow, nor in the
   * Mac's exec strings and program argv (its process list): they travel on stdin only.
   */
  static void assertNoPasswordLeaked(LabWorkspace ws, String host, List<String> passwords) throws Exception {
    String execLog = Files.readString(ws.state.resolve(host).resolve("exec.log"));
    assertThat(execLog).as("the Mac ran trustchain's programs").contains("argv: sysadminctl -resetPasswordFor");
    String printed = ws.transcript();
    for (String password : passwords) {
      assertThat(execLog).as("the Mac's exec strings and argv").doesNotContain(password);
      assertThat(printed).as("trustchain's output").doesNotContain(password);
    }
  }

  @Test
  void setThroughTheCredential_escrowed_rotatedByAgeAndOnDemand_driftRepaired() throws Exception {
    LabWorkspace ws = fleet(dir, Map.of("mac-sequoia", "sequoia-arm.yml"));
    String laps = playbook(ws, "tcadmin", """
            - user: {name: localadmin, full_name: Local Admin, admin: true,
                     managed_password: {length: 20, rotate_after_days: 30}}
            - user: {name: alice, managed_password: {}}
        """);
    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", laps);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("+ user[localadmin] will be created", "~ user[alice] will be changed",
        "alice has no managed password in escrow yet", "tcadmin resets it with sysadminctl -resetPasswordFor");

    LabWorkspace.Result apply = ws.run("apply", "--yes", laps);
    assertThat(apply.code()).as(apply.toString()).isZero();
    String alice = escrowed(ws, "mac-sequoia", "password_alice");
    String admin = escrowed(ws, "mac-sequoia", "password_localadmin");
    assertThat(admin).hasSize(20);
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "alice", alice)).isTrue();
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "localadmin", admin)).isTrue();
    assertThat(escrow(ws, "mac-sequoia", "pending_password_alice")).doesNotExist();
    assertThat(ws.run("plan", "--detailed-exitcode", laps).code()).as("converged").isZero();

    assertThat(ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-sequoia", "31").code()).isZero();
    LabWorkspace.Result due = ws.run("plan", laps);
    assertThat(due.out()).contains("the managed password is 31 days old (rotate_after_days: 30)")
        .doesNotContain("~ user[alice]");
    LabWorkspace.Result rotation = ws.run("apply", "--yes", laps);
    assertThat(rotation.code()).as(rotation.toString()).isZero();
    String rotated = escrowed(ws, "mac-sequoia", "password_localadmin");
    assertThat(rotated).isNotEqualTo(admin);
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(escrow(ws, "mac-sequoia", "password_localadmin")
        .resolveSibling("password_localadmin.previous.yml")))).as("the replaced one is kept once").isEqualTo(admin);
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "localadmin", rotated)).isTrue();

    LabWorkspace.Result onDemand = ws.run("apply", "--yes", "--rotate", "mac-sequoia:alice", laps);
    assertThat(onDemand.code()).as(onDemand.toString()).isZero();
    assertThat(onDemand.out()).contains("rotation was asked for (--rotate)");
    String aliceNow = escrowed(ws, "mac-sequoia", "password_alice");
    assertThat(aliceNow).isNotEqualTo(alice);
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "alice", aliceNow)).isTrue();

    assertThat(LabMacs.asRoot(ws, "mac-sequoia", "sequoia-arm.yml", "dscl", ".", "-passwd", "/Users/alice",
        "set-by-hand-1")).isZero();
    LabWorkspace.Result drift = ws.run("plan", "--detailed-exitcode", laps);
    assertThat(drift.code()).as("a password that no longer opens the account is drift").isEqualTo(2);
    assertThat(drift.out()).contains("drift: the escrowed password no longer opens alice (changed outside trustchain)");
    assertThat(ws.run("apply", "--yes", laps).code()).isZero();
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "alice",
        escrowed(ws, "mac-sequoia", "password_alice"))).isTrue();
    assertThat(ws.run("plan", "--detailed-exitcode", laps).code()).isZero();

    assertNoPasswordLeaked(ws, "mac-sequoia", List.of(alice, admin, rotated, aliceNow, "set-by-hand-1",
        escrowed(ws, "mac-sequoia", "password_alice"), LabWorkspace.secret("tcadmin")));

    String credential = playbook(ws, "tcadmin", "      - user: {name: tcadmin, managed_password: {}}\n");
    LabWorkspace.Result refused = ws.run("plan", credential);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("trustchain never rotates the management credential tcadmin");
  }

  @Test
  void aGivenPassword_isEscrowed_andWhenItNoLongerOpensTheAccountThatIsDrift() throws Exception {
    LabWorkspace ws = fleet(dir, Map.of("mac-sequoia", "sequoia-arm.yml"));
    String given = playbook(ws, "tcadmin", """
            - user: {name: alice, managed_password: {value: "{{ vault_alice_password }}"}}
        """);
    LabWorkspace.Result first = ws.run("plan", "--detailed-exitcode", given);
    assertThat(first.code()).as(first.toString()).isEqualTo(2);
    assertThat(first.out()).contains("the declared password of alice opens it and is not in escrow yet");
    assertThat(ws.run("apply", "--yes", given).code()).isZero();
    assertThat(escrowed(ws, "mac-sequoia", "password_alice")).isEqualTo(LabWorkspace.secret("alice"));
    assertThat(ws.run("plan", "--detailed-exitcode", given).code()).as("converged").isZero();

    assertThat(LabMacs.asRoot(ws, "mac-sequoia", "sequoia-arm.yml", "dscl", ".", "-passwd", "/Users/alice",
        "set-by-hand-2")).isZero();
    LabWorkspace.Result drift = ws.run("plan", "--detailed-exitcode", given);
    assertThat(drift.code()).as("drift, no longer \"No changes\"").isEqualTo(2);
    assertThat(drift.out()).contains("drift: the declared password no longer opens alice");
    LabWorkspace.Result repaired = ws.run("apply", "--yes", given);
    assertThat(repaired.code()).as(repaired.toString()).isZero();
    assertThat(LabMacs.accepts(ws, "mac-sequoia", "sequoia-arm.yml", "alice", LabWorkspace.secret("alice"))).isTrue();
    assertThat(ws.run("plan", "--detailed-exitcode", given).code()).isZero();
  }

  @Test
  void withoutATokenHoldingCredential_aTokenHolderIsRefused_andATokenlessAccountIsResetAsRoot() throws Exception {
    LabWorkspace ws = fleet(dir, Map.of("mac-sequoia", "sequoia-arm.yml"));
    LabWorkspace.Result refused = ws.run("plan", playbook(ws, "ladmin", """
            - user: {name: tcadmin, managed_password: {}}
        """));
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out()).contains("tcadmin holds a Secure Token, and its password cannot be reset without a"
        + " token-holding credential: sysadminctl refuses (\"Operation is not permitted without secure token unlock.\","
        + " nothing changed), and a root reset would leave its Secure Token and FileVault unlock on the old password");

    // a freshly enrolled Mac: nobody holds a token yet, so the credential holds none either
    LabWorkspace fresh = fleet(dir.resolve("fresh"), Map.of("mac-fresh", "enrolled-supervised.yml"));
    String alice = playbook(fresh, "tcadmin", "      - user: {name: alice, managed_password: {}}\n");
    LabWorkspace.Result plan = fresh.run("plan", alice);
    assertThat(plan.out()).as(plan.toString()).contains("alice holds no Secure Token, so it is reset as root"
        + " through Open Directory");
    LabWorkspace.Result apply = fresh.run("apply", "--yes", alice);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(LabMacs.accepts(fresh, "mac-fresh", "enrolled-supervised.yml", "alice",
        escrowed(fresh, "mac-fresh", "password_alice"))).isTrue();
  }

  @Test
  void aConnectionLostAtEachStep_losesNoPassword_andTheNextRunSettlesIt() throws Exception {
    Map<String, String> hosts = new LinkedHashMap<>();
    hosts.put("mac-reset-drops", "faults/drop-after-password-reset.yml");
    hosts.put("mac-check-drops", "faults/drop-after-password-check.yml");
    hosts.put("mac-reset-hangs", "faults/hang-password-reset.yml");
    LabWorkspace ws = fleet(dir, hosts);
    String laps = playbook(ws, "tcadmin", "      - user: {name: alice, managed_password: {}}\n");
    LabWorkspace.Result lost = ws.run("apply", "--yes", "--command-timeout", "5", laps);
    assertThat(lost.code()).as(lost.toString()).isEqualTo(1);
    String original = Files.readAllLines(LabWorkspace.REPO.resolve("lab/secrets/alice")).get(0);
    for (String host : hosts.keySet()) {
      assertThat(escrow(ws, host, "password_alice")).as(host + ": nothing promoted").doesNotExist();
      String pending = escrowed(ws, host, "pending_password_alice");
      boolean hung = host.equals("mac-reset-hangs");
      assertThat(LabMacs.accepts(ws, host, hosts.get(host), "alice", hung ? original : pending))
          .as(host + ": the Mac's password is " + (hung ? "its old one" : "the pending one, which escrow holds"))
          .isTrue();
    }
    LabWorkspace.Result settle = ws.run("plan", laps);
    assertThat(settle.out()).contains("a run stopped after alice's password was set and before it was promoted:"
        + " the Mac accepts the pending one");
    LabWorkspace.Result again = ws.run("apply", "--yes", laps);
    assertThat(again.code()).as(again + "\n" + Files.readString(ws.state.resolve("mac-reset-hangs/exec.log")))
        .isZero();
    for (String host : hosts.keySet()) {
      assertThat(LabMacs.accepts(ws, host, hosts.get(host), "alice", escrowed(ws, host, "password_alice")))
          .as(host + ": escrow holds the password the Mac accepts").isTrue();
      assertThat(escrow(ws, host, "pending_password_alice")).doesNotExist();
    }
    assertThat(ws.run("plan", "--detailed-exitcode", laps).code()).isZero();
    for (String host : hosts.keySet()) {
      assertNoPasswordLeaked(ws, host, List.of(escrowed(ws, host, "password_alice"), original,
          LabWorkspace.secret("tcadmin")));
    }
  }
}
