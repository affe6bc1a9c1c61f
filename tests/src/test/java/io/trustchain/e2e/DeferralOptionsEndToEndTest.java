package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deferral's force_at_login and ask_at_logout are compared with the document and changed (issue 9): the forced
 * login countdown is played with {@code lab login-decline}, over real SSH against the lab.
 */
class DeferralOptionsEndToEndTest {

  @TempDir Path dir;

  private static String playbook(int forceAtLogin, boolean askAtLogout) {
    return """
        - name: alice turns FileVault on at her login
          hosts: personal
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          escrow: {store: vault, path: ../.trustchain/escrow}
          resources:
            - filevault:
                enabled: true
                deferred: {user: alice, force_at_login: %d, ask_at_logout: %s}
        """.formatted(forceAtLogin, askAtLogout);
  }

  @Test
  void changedOptionsAreSetUpAgain_andTheForcedLoginCountdownIsPlayed() throws Exception {
    LabWorkspace ws = FileVaultEndToEndTest.workspace(dir, "personal", "mac-tahoe", "tahoe-arm.yml");
    String lenient = ws.write("playbooks/defer.yml", playbook(3, true)).toString();
    assertThat(ws.run("apply", "--yes", lenient).code()).isZero();
    String inv = ws.inventory.toString();

    LabWorkspace.Result declined = ws.run("lab", "login-decline", "-i", inv, "mac-tahoe", "alice");
    assertThat(declined.out()).contains("alice declined to enable FileVault (2 more may be declined)");
    LabWorkspace.Result pending = ws.run("plan", "--detailed-exitcode", lenient);
    assertThat(pending.code()).as(pending.toString()).isZero();
    assertThat(pending.out()).contains("alice has declined 1 login: 2 more may be declined");

    String strict = ws.write("playbooks/defer.yml", playbook(0, false)).toString();
    LabWorkspace.Result plan = ws.run("plan", "--detailed-exitcode", strict);
    assertThat(plan.code()).as("the Mac keeps the old options: a change, not \"No changes\"").isEqualTo(2);
    assertThat(plan.out()).contains("~ filevault[main] will be changed",
        "deferral_options: \"force_at_login 3, ask_at_logout true\" -> \"force_at_login 0, ask_at_logout false\"",
        "macOS cannot change a deferral, so it is removed (fdesetup disable) and set up again");
    LabWorkspace.Result apply = ws.run("apply", "--yes", strict);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(LabState.of(ws, "mac-tahoe").path("fileVault").path("deferral").path("forceAtLogin").asInt()).isZero();
    assertThat(LabState.of(ws, "mac-tahoe").path("fileVault").path("deferral").path("dontAskAtLogout").asBoolean())
        .isTrue();
    assertThat(ws.run("plan", "--detailed-exitcode", strict).code()).as("converged: only pending").isZero();

    assertThat(ws.run("lab", "logout-decline", "-i", inv, "mac-tahoe", "alice").out())
        .as("-dontaskatlogout: no prompt at logout").doesNotContain("FileVault");
    LabWorkspace.Result forced = ws.run("lab", "login-decline", "-i", inv, "mac-tahoe", "alice");
    assertThat(forced.out()).as("force_at_login 0: the login cannot be declined")
        .contains("FileVault was enabled at alice's login");
    LabWorkspace.Result escrow = ws.run("apply", "--yes", strict);
    assertThat(escrow.code()).as(escrow.toString()).isZero();
    assertThat(escrow.out()).contains("a personal recovery key waits in /var/db/trustchain-filevault.plist");
    assertThat(ws.run("plan", "--detailed-exitcode", strict).out()).contains("No changes.");
  }
}
