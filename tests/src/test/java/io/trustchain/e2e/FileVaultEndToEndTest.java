package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileVault and recovery-key escrow over real SSH against the lab, checked against the simulated Macs' state. */
class FileVaultEndToEndTest {

  static final String PLIST = "/var/db/trustchain-filevault.plist";

  @TempDir Path dir;

  static LabWorkspace workspace(Path dir, String group, String host, String scenario) throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put(group, Map.of(host, scenario));
    return LabWorkspace.create(dir, groups);
  }

  /** A repository playbook, copied into the workspace so its escrow folder (../.trustchain/escrow) is the workspace's. */
  static String example(LabWorkspace ws, String name) throws Exception {
    return ws.write("playbooks/" + name, Files.readString(LabWorkspace.REPO.resolve("playbooks").resolve(name)))
        .toString();
  }

  static Path escrowFile(LabWorkspace ws, String host) {
    return ws.dir.resolve(".trustchain/escrow").resolve(host).resolve("personal_recovery_key.yml");
  }

  @Test
  void aMacNobodyLogsInto_isEncryptedNowOverSsh_andItsKeyLandsInEscrow_openingWithAnsibleVaultView() throws Exception {
    LabWorkspace ws = workspace(dir, "headless", "mac-headless", "headless.yml");
    String playbook = example(ws, "headless.yml");

    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("~ filevault[main] will be changed", "status: \"off\" -> \"encrypting\"");

    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();

    String key = LabState.recoveryKey(ws, "mac-headless");
    assertThat(key).as("the Mac has a personal recovery key").matches("([A-Z0-9]{4}-){5}[A-Z0-9]{4}");
    assertThat(Files.readString(escrowFile(ws, "mac-headless"))).startsWith("$ANSIBLE_VAULT;1.1;AES256\n")
        .doesNotContain(key);
    String view = LabState.ansibleVaultView(escrowFile(ws, "mac-headless"));
    assertThat(LabState.escrowedValue(view)).isEqualTo(key);
    assertThat(view).contains("host: \"mac-headless\"", "enabled_user: \"tcadmin\"");
    assertThat(LabState.hasFile(ws, "mac-headless", PLIST)).as("the Mac's copy is removed").isFalse();

    LabWorkspace.Result again = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes.");

    LabWorkspace.Result reboot = ws.run("lab", "reboot", "-i", ws.inventory.toString(), "mac-headless");
    assertThat(reboot.out()).contains("encryption at 50%");
    assertThat(ws.run("facts", "--format", "json").out()).contains("\"status\": \"encrypting\"",
        "\"progress_percent\": 50.0");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).as("encrypting is on").isZero();
  }

  @Test
  void fileVaultIsTurnedOffOnlyBecauseTheDocumentSaysSo() throws Exception {
    LabWorkspace ws = workspace(dir, "engineering", "mac-ventura", "ventura-arm.yml");
    String playbook = ws.write("playbooks/off.yml", """
        - name: FileVault off on the test bench
          hosts: engineering
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - filevault: {enabled: false}
        """).toString();
    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("the document says enabled: false: tcadmin turns it off (fdesetup disable)");
    assertThat(LabState.of(ws, "mac-ventura").path("fileVault").path("status").asText()).isEqualTo("OFF");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).isZero();
  }

  @Test
  void rotationLeavesExactlyOneValidKey_andItIsTheOneInEscrow() throws Exception {
    LabWorkspace ws = workspace(dir, "headless", "mac-headless", "headless.yml");
    String playbook = example(ws, "headless.yml");        // rotate_after_days: 90
    assertThat(ws.run("apply", "--yes", playbook).code()).isZero();
    String first = LabState.recoveryKey(ws, "mac-headless");

    assertThat(ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-headless", "91").code()).isZero();
    LabWorkspace.Result plan = ws.run("plan", playbook);
    assertThat(plan.out()).contains("the personal recovery key is 91 days old (rotate_after_days: 90)");
    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();

    String now = LabState.recoveryKey(ws, "mac-headless");
    assertThat(now).isNotEqualTo(first);
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(escrowFile(ws, "mac-headless")))).isEqualTo(now);
    Path previous = escrowFile(ws, "mac-headless").resolveSibling("personal_recovery_key.previous.yml");
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(previous))).as("the replaced key is kept once")
        .isEqualTo(first);
    assertThat(LabState.of(ws, "mac-headless").path("volume").path("cryptoOrder").toString())
        .as("one personal recovery crypto user").containsOnlyOnce("EBC6C064-0000-11AA-AA11-00306543ECAC");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).isZero();
  }

  @Test
  void rotateIfCreatedBefore_inTheMacsFuture_waitsForItsDate_thenRotatesOnce() throws Exception {
    LabWorkspace ws = workspace(dir, "headless", "mac-headless", "headless.yml"); // the Mac's clock: 2025-09-15
    String playbook = ws.write("playbooks/headless.yml", Files.readString(LabWorkspace.REPO.resolve(
        "playbooks/headless.yml")).replace("rotate_after_days: 90}", "rotate_if_created_before: \"2025-10-01\"}"))
        .toString();
    assertThat(ws.run("apply", "--yes", playbook).code()).isZero();
    String first = LabState.recoveryKey(ws, "mac-headless");
    for (int run = 0; run < 2; run++) {
      LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", playbook);
      assertThat(plan.code()).as("a date in the Mac's future rotates nothing yet: " + plan).isZero();
    }
    assertThat(LabState.recoveryKey(ws, "mac-headless")).isEqualTo(first);

    assertThat(ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-headless", "20").code()).isZero();
    LabWorkspace.Result due = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(due.code()).isEqualTo(2);
    assertThat(due.out()).contains("the personal recovery key was made before 2025-10-01 (rotate_if_created_before)");
    assertThat(ws.run("apply", "--yes", playbook).code()).isZero();
    assertThat(LabState.recoveryKey(ws, "mac-headless")).isNotEqualTo(first);
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).as("rotated once, not at every run").isZero();
  }

  @Test
  void aConnectionDroppedBetweenFdesetupAndTheEscrowWrite_losesNoKey_andTheNextRunRecoversIt() throws Exception {
    LabWorkspace ws = workspace(dir, "headless", "mac-dropper", "faults/drop-after-fdesetup.yml");
    String playbook = example(ws, "headless.yml");

    LabWorkspace.Result dropped = ws.run("apply", "--yes", playbook);
    assertThat(dropped.code()).as(dropped.toString()).isEqualTo(1);
    String key = LabState.recoveryKey(ws, "mac-dropper");
    assertThat(key).as("fdesetup ran: FileVault is on with a key").isNotNull();
    assertThat(LabState.hasFile(ws, "mac-dropper", PLIST)).as("the key waits on the Mac").isTrue();
    assertThat(escrowFile(ws, "mac-dropper")).doesNotExist();

    LabWorkspace.Result plan = ws.run("plan", playbook);
    assertThat(plan.out()).contains("a personal recovery key waits in " + PLIST);
    LabWorkspace.Result recovered = ws.run("apply", "--yes", playbook);
    assertThat(recovered.code()).as(recovered.toString()).isZero();

    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(escrowFile(ws, "mac-dropper")))).isEqualTo(key);
    assertThat(LabState.recoveryKey(ws, "mac-dropper")).as("no new key was needed").isEqualTo(key);
    assertThat(LabState.hasFile(ws, "mac-dropper", PLIST)).isFalse();
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).isZero();
  }

  @Test
  void aUserSetsUpAMac_hisLoginTurnsFileVaultOn_andTheNextRunEscrowsTheKey() throws Exception {
    LabWorkspace ws = workspace(dir, "personal", "mac-tahoe", "tahoe-arm.yml");
    String playbook = example(ws, "user-setup.yml");

    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("FileVault is turned on at alice's next login or logout");
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).as("only pending").isZero();

    LabWorkspace.Result login = ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-tahoe", "alice");
    assertThat(login.out()).contains("FileVault was enabled at alice's login");

    LabWorkspace.Result collect = ws.run("apply", "--yes", playbook);
    assertThat(collect.code()).as(collect.toString()).isZero();
    assertThat(collect.out()).contains("a personal recovery key waits in " + PLIST);
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(escrowFile(ws, "mac-tahoe"))))
        .isEqualTo(LabState.recoveryKey(ws, "mac-tahoe"));
    LabWorkspace.Result converged = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(converged.code()).as(converged.toString()).isZero();
    assertThat(converged.out()).contains("No changes. All hosts match the desired state.");
  }

  @Test
  void aDeferredUserWhoNeverLogsIn_isReportedAsDrift() throws Exception {
    LabWorkspace ws = workspace(dir, "personal", "mac-waiting", "deferred-never-fired.yml");
    String playbook = ws.write("playbooks/deferred.yml", """
        - name: alice turns FileVault on herself
          hosts: personal
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          escrow: {store: vault, path: ../escrow}
          resources:
            - filevault:
                enabled: true
                deferred: {user: alice, force_at_login: 3, ask_at_logout: false, overdue_after_days: 30}
        """).toString();

    LabWorkspace.Result plan = ws.run("plan", playbook);
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("! filevault[main] has drifted (overdue)")
        .contains("drift: the deferred FileVault enablement for alice has waited 45 days (overdue_after_days: 30)")
        .contains("Drift: nothing to change, but 1 pending change is overdue");
    LabWorkspace.Result check = ws.run("plan", "--detailed-exitcode", playbook);
    assertThat(check.code()).as("the scheduled drift check reports it\n" + check).isEqualTo(2);
    LabWorkspace.Result facts = ws.run("facts", "--format", "json");
    assertThat(facts.out()).contains("\"user\": \"alice\"", "\"output_path\": \"" + PLIST + "\"");

    assertThat(ws.run("lab", "advance-days", "-i", ws.inventory.toString(), "mac-waiting", "10").code()).isZero();
    assertThat(ws.run("plan", playbook).out()).contains("has waited 55 days");
  }

  @Test
  void aResourceThatEscrows_withoutAnEscrowStoreOnItsPlay_isADocumentError() throws Exception {
    LabWorkspace ws = workspace(dir, "headless", "mac-headless", "headless.yml");
    Path playbook = ws.write("playbooks/no-store.yml", """
        - name: no store
          hosts: headless
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - filevault: {enabled: true, enable_with: immediate}
        """);
    LabWorkspace.Result validate = ws.run("validate", playbook.toString());
    assertThat(validate.code()).as(validate.toString()).isEqualTo(65);
    assertThat(validate.err()).contains("no-store.yml:5:").contains("filevault[main] keeps personal_recovery_key in"
        + " an escrow store, and the play \"no store\" configures none")
        .contains("escrow: {store: vault, path: ../escrow}");
  }

  @Test
  void unlockUsersBecomeTheExactSet_andAKeyMissingFromEscrowIsReplaced() throws Exception {
    LabWorkspace ws = workspace(dir, "engineering", "mac-ventura", "ventura-arm.yml");
    String playbook = ws.write("playbooks/unlock.yml", """
        - name: Only tcadmin and bob unlock FileVault
          hosts: engineering
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          escrow: {store: vault, path: ../escrow}
          resources:
            - filevault:
                enabled: true
                enable_with: immediate
                unlock_users: [tcadmin, bob]
                user_passwords: {bob: "{{ vault_bob_password }}"}
        """).toString();
    LabWorkspace.Result plan = ws.run("plan", "-vv", playbook);
    String before = LabState.recoveryKey(ws, "mac-ventura");
    assertThat(plan.out()).contains("not in escrow", "fdesetup add -usertoadd bob -inputplist <<< (sensitive input)",
        "fdesetup remove -user alice");

    LabWorkspace.Result apply = ws.run("apply", "--yes", playbook);
    assertThat(apply.code()).as(apply.toString()).isZero();
    var state = LabState.of(ws, "mac-ventura");
    assertThat(state.toString()).doesNotContain(LabWorkspace.secret("bob"));
    LabWorkspace.Result facts = ws.run("facts", "--format", "json");
    assertThat(facts.out()).contains("\"unlock_users\": [\n          \"bob\",\n          \"tcadmin\"\n        ]");
    assertThat(LabState.escrowedValue(LabState.ansibleVaultView(ws.dir.resolve(
        "escrow/mac-ventura/personal_recovery_key.yml")))).isEqualTo(LabState.recoveryKey(ws, "mac-ventura"));
    assertThat(LabState.recoveryKey(ws, "mac-ventura")).as("the key nobody had escrowed was replaced")
        .isNotEqualTo(before);
    assertThat(ws.run("plan", "--detailed-exitcode", playbook).code()).isZero();
  }
}
