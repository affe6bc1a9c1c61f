package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's twin (issue 9): the facts of lab fleet A become twin B ({@code trustchain lab twin}); the same
 * playbooks plan identically on A and on B, and a rehearsal on B (apply, a login) changes nothing of A, its escrow
 * included. No secret of A reaches B.
 */
class TwinEndToEndTest {

  @TempDir Path dir;

  @Test
  void factsOfFleetA_makeTwinB_onWhichTheSamePlaybooksPlanIdentically() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("engineering", Map.of("mac-ventura", "ventura-arm.yml"));
    groups.put("design", Map.of("mac-catalina", "catalina-intel.yml"));
    groups.put("personal", Map.of("mac-tahoe", "tahoe-arm.yml"));
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    String site = FileVaultEndToEndTest.example(ws, "site.yml");
    String setup = FileVaultEndToEndTest.example(ws, "user-setup.yml");
    String laps = FileVaultEndToEndTest.example(ws, "laps.yml");
    // A's Macs carry history: a deferral trustchain set up, a declined login, days passing, a key in escrow, a
    // managed password in escrow (B's escrow must hold the password B's Mac has, or B would plan drift)
    assertThat(ws.run("apply", "--yes", setup).code()).isZero();
    assertThat(ws.run("apply", "--yes", laps).code()).isZero();
    String inv = ws.inventory.toString();
    assertThat(ws.run("lab", "login-decline", "-i", inv, "mac-tahoe", "alice").code()).isZero();
    assertThat(ws.run("lab", "advance-days", "-i", inv, "mac-tahoe", "3").code()).isZero();

    LabWorkspace.Result facts = ws.run("facts", "--format", "json", site, setup, laps);
    assertThat(facts.code()).as(facts.toString()).isZero();
    ws.write("facts.json", facts.out());
    LabWorkspace.Result twin = ws.run("lab", "twin", "facts.json", site, setup, laps, "--out", "twin", "--base-port",
        String.valueOf(io.trustchain.testing.Ports.free()));
    assertThat(twin.code()).as(twin.toString()).isZero();
    assertThat(twin.out()).contains("mac-tahoe", "Twin of 3 Macs in twin.");
    // the twin's ports must be free: rewrite them with free ones (the base port only guarantees the first)
    Path twinInventory = dir.resolve("twin/inventory.yml");
    String text = Files.readString(twinInventory);
    for (String port : text.lines().filter(l -> l.strip().startsWith("ansible_port:"))
        .map(l -> l.strip().substring("ansible_port:".length()).strip()).toList()) {
      text = text.replace("ansible_port: " + port + "\n", "ansible_port: " + io.trustchain.testing.Ports.free() + "\n");
    }
    Files.writeString(twinInventory, text);
    String[] onB = {"-i", twinInventory.toString(), "--vault-password-file", dir.resolve("twin/vault-password").toString()};

    LabWorkspace.Result planA = ws.run("plan", site, setup, laps);
    LabWorkspace.Result planB = ws.run(concat(concat(new String[] {"plan"}, onB), site, setup, laps));
    assertThat(planA.code()).as(planA.toString()).isZero();
    assertThat(planB.code()).as(planB.toString()).isZero();
    assertThat(planB.out()).as("the same plan on the twin").isEqualTo(planA.out());
    assertThat(planA.out()).contains("alice has declined 1 login", "deferred 3 days ago", "ladmin (admin) holds a");

    // rehearsal on B: alice's login fires the deferral, the next apply escrows B's key in B's own store
    Path escrowA = FileVaultEndToEndTest.escrowFile(ws, "mac-tahoe");
    assertThat(escrowA).as("A's deferral has not fired: nothing in A's escrow").doesNotExist();
    assertThat(ws.run(concat(new String[] {"lab", "login", "-i", twinInventory.toString()}, "mac-tahoe", "alice"))
        .out()).contains("FileVault was enabled at alice's login");
    LabWorkspace.Result applyB = ws.run(concat(concat(new String[] {"apply", "--yes"}, onB), setup));
    assertThat(applyB.code()).as(applyB.toString()).isZero();
    assertThat(dir.resolve("twin/escrow/mac-tahoe/personal_recovery_key.yml")).exists();
    assertThat(escrowA).as("the rehearsal never writes A's escrow").doesNotExist();
    assertThat(LabState.of(ws, "mac-tahoe").path("fileVault").path("status").asText()).as("A is untouched")
        .isEqualTo("OFF");
    assertThat(ws.run("plan", site, setup, laps).out()).isEqualTo(planA.out());

    String secrets = Files.readString(LabWorkspace.REPO.resolve("lab/secrets/tcadmin")).strip();
    try (var files = Files.walk(dir.resolve("twin"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as("no secret of fleet A in %s", f).doesNotContain(secrets);
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
