package io.trustchain.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The valid ground every hostile case starts from: an inventory whose hosts sit in the groups the
 * shipped playbooks target, whose {@code vault_*_password} variables are {@code !secret env:} values
 * (so validate needs no vault decryption), an ansible.cfg naming a vault password file (the escrow
 * stores need one), and the environment those secrets come from. With these, every shipped playbook
 * validates (checked by {@code HostileDocumentsTest}).
 */
final class Fixture {

  static final Path REPO = Path.of("").toAbsolutePath();

  static final String INVENTORY = "inventory.yml";

  static final Map<String, String> ENV = Map.of(
      "TC_TCADMIN", "corpus-tcadmin", "TC_ALICE", "corpus-alice", "TC_BOB", "corpus-bob", "TC_SVC", "corpus-svc");

  static final String INVENTORY_TEXT = """
      all:
        vars:
          vault_tcadmin_password: !secret env:TC_TCADMIN
          vault_alice_password: !secret env:TC_ALICE
          vault_bob_password: !secret env:TC_BOB
          vault_svc_backup_password: !secret env:TC_SVC
        children:
          engineering:
            hosts:
              mac-01: {ansible_host: 127.0.0.1, ansible_port: 2222, ansible_user: ladmin}
          design:
            hosts:
              mac-02: {ansible_host: 127.0.0.2, ansible_user: ladmin}
          personal:
            hosts:
              mac-03: {ansible_host: 127.0.0.3, ansible_user: ladmin}
          provisioned:
            hosts:
              mac-04: {ansible_host: 127.0.0.4, ansible_user: ladmin}
          headless:
            hosts:
              mac-05: {ansible_host: 127.0.0.5, ansible_user: ladmin}
      """;

  /** The shipped documents the mutations start from (repository-relative). */
  static final String[] SHIPPED_PLAYBOOKS = {
    "playbooks/site.yml", "playbooks/headless.yml", "playbooks/user-setup.yml", "playbooks/provisioned.yml"};

  static final String[] SHIPPED_INVENTORY = {"inventory/lab.yml", "inventory/group_vars/lab.yml"};

  private Fixture() {}

  /** The files every case has unless it replaces them. */
  static HostileCase.FileSet base() {
    return new HostileCase.FileSet()
        .text("ansible.cfg", "[defaults]\nvault_password_file = vault-pass.txt\n")
        .text("vault-pass.txt", "hostile-corpus-vault-password\n")
        .text(INVENTORY, INVENTORY_TEXT);
  }

  static String shipped(String relative) {
    try {
      return Files.readString(REPO.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] validate(String playbook) {
    return new String[] {"validate", "-i", INVENTORY, playbook};
  }
}
