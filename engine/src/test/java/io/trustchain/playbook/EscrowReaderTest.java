package io.trustchain.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostics;
import io.trustchain.escrow.EscrowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A play's escrow: mapping. */
class EscrowReaderTest {

  @TempDir Path dir;

  private record Loaded(Optional<Playbook> playbook, List<String> diagnostics) {}

  private Loaded load(String escrow) throws Exception {
    Path file = Files.createDirectories(dir.resolve("playbooks")).resolve("site.yml");
    Files.writeString(file, """
        - name: p
          hosts: all
          credential: {user: tcadmin, password: !secret env:TC_PW}
          escrow: %s
          resources:
            - user: {name: alice}
        """.formatted(escrow));
    Diagnostics d = new Diagnostics();
    Optional<Playbook> p = new PlaybookLoader(TestModules.registry(), null).load(file, d);
    return new Loaded(p, d.all().stream().map(PlaybookLoaderTest::format).toList());
  }

  @Test
  void vaultStore_pathIsRelativeToThePlaybook() throws Exception {
    Loaded l = load("{store: vault, path: ../escrow, vault_id: escrow}");
    assertThat(l.diagnostics()).isEmpty();
    EscrowSpec spec = l.playbook().orElseThrow().plays().get(0).escrow();
    assertThat(spec.store()).isEqualTo(EscrowSpec.Kind.VAULT);
    assertThat(spec.path()).isEqualTo(dir.resolve("escrow").toAbsolutePath());
    assertThat(spec.vaultId()).isEqualTo("escrow");
    assertThat(spec.at().line()).isEqualTo(4);
  }

  @Test
  void commandStore_runsInThePlaybooksFolder() throws Exception {
    Loaded l = load("{store: command, command: \"vault-put\", read_command: \"vault-get\"}");
    assertThat(l.diagnostics()).isEmpty();
    EscrowSpec spec = l.playbook().orElseThrow().plays().get(0).escrow();
    assertThat(spec.command()).isEqualTo("vault-put");
    assertThat(spec.readCommand()).isEqualTo("vault-get");
    assertThat(spec.workDir()).isEqualTo(dir.resolve("playbooks").toAbsolutePath());
  }

  @Test
  void aPlayWithoutEscrow_hasNone() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yml"), """
        - name: p
          hosts: all
          credential: {user: tcadmin, password: !secret env:TC_PW}
          resources: [{user: {name: alice}}]
        """);
    Diagnostics d = new Diagnostics();
    assertThat(new PlaybookLoader(TestModules.registry(), null).load(file, d).orElseThrow().plays().get(0).escrow())
        .isNull();
  }

  @Test
  void mistakes_areReportedAtTheirKeys() throws Exception {
    assertThat(load("{store: vault, pth: ../escrow}").diagnostics()).as("one typo, one error").containsExactly(
        "site.yml:4:26: error: unknown escrow key \"pth\" [hint: did you mean \"path\"?]");
    assertThat(load("{store: vault}").diagnostics()).containsExactly(
        "site.yml:4:11: error: a vault escrow store needs path: the folder that holds its files"
            + " [hint: write escrow: {store: vault, path: ../escrow}]");
    assertThat(load("{store: s3}").diagnostics()).containsExactly(
        "site.yml:4:19: error: unknown escrow store \"s3\""
            + " [hint: store is vault (Ansible-Vault-encrypted files) or command (an external program)]");
    assertThat(load("{store: command, path: x}").diagnostics()).containsExactly(
        "site.yml:4:11: error: a command escrow store needs command: the program that takes each secret on its"
            + " standard input [hint: write escrow: {store: vault, path: ../escrow} or"
            + " escrow: {store: command, command: \"…\", read_command: \"…\"}]",
        "site.yml:4:28: error: path does not apply to a command escrow store [hint: write escrow:"
            + " {store: vault, path: ../escrow} or escrow: {store: command, command: \"…\", read_command: \"…\"}]");
    assertThat(load("{path: x}").diagnostics()).singleElement().asString().contains("store");
    assertThat(load("{store: vault, path: \"{{ dir }}\"}").diagnostics()).singleElement().asString()
        .contains("escrow settings are not templated");
  }
}
