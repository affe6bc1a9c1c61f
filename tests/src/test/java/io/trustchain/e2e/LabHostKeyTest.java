package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab never edits a known_hosts file it did not create: an admin's own file keeps exactly what
 * the admin put in it, so a lab host whose key changed is refused by the engine's strict checking,
 * as a reinstalled (or impersonated) Mac would be. The lab's own known_hosts, under its state
 * directory, follows its keys.
 */
class LabHostKeyTest {

  private static final String OTHER = "github.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";

  @TempDir Path dir;

  @Test
  void aChangedLabHostKeyIsRefusedAndTheAdminsKnownHostsIsNeverEdited() throws Exception {
    LabWorkspace ws = LabWorkspace.create(dir, Map.of("engineering", Map.of("mac-ventura", "ventura-arm.yml")));
    String inventory = Files.readString(ws.inventory).replace("/../.trustchain/lab/known_hosts", "/../admin_known_hosts");
    Files.writeString(ws.inventory, inventory);
    Path mine = ws.write("admin_known_hosts", OTHER);

    LabWorkspace.Result unknown = ws.run("facts");
    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(1);
    assertThat(unknown.out() + unknown.err()).contains("the host key is not known");
    assertThat(Files.readString(mine)).as("the lab did not add its key to a file it did not create").isEqualTo(OTHER);
    Path own = ws.state.resolve("known_hosts");
    String labKey = Files.readString(own);
    assertThat(labKey).startsWith("[127.0.0.1]:").contains(" ssh-ed25519 ");

    // the admin checks the fingerprint and adds the key, as with a real Mac
    Files.writeString(mine, OTHER + labKey);
    LabWorkspace.Result known = ws.run("facts");
    assertThat(known.code()).as(known.toString()).isZero();

    // the Mac is "reinstalled": a new host key
    Files.delete(ws.state.resolve("mac-ventura/ssh_host_ed25519_key"));
    Files.delete(ws.state.resolve("mac-ventura/ssh_host_ed25519_key.pub"));
    LabWorkspace.Result changed = ws.run("facts");
    assertThat(changed.code()).as(changed.toString()).isEqualTo(1);
    assertThat(changed.out() + changed.err()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED for mac-ventura");
    assertThat(Files.readString(mine)).isEqualTo(OTHER + labKey);
    assertThat(Files.readString(own)).as("the lab's own file follows its keys").isNotEqualTo(labKey)
        .startsWith(labKey.substring(0, labKey.indexOf(" ssh-ed25519 ")));
  }
}
