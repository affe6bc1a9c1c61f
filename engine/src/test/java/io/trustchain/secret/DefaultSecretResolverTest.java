package io.trustchain.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSecretResolverTest {

  @TempDir Path dir;

  private static String text(Secret s) {
    return new String(s.reveal());
  }

  @Test
  void env_readsTheInjectedEnvironment() throws Exception {
    var resolver = DefaultSecretResolver.create(Map.of("TC_PW", "hunter2"), null);

    assertThat(text(resolver.resolve(new SecretRef.Env("TC_PW")))).isEqualTo("hunter2");
  }

  @Test
  void env_unset_namesTheVariableNotAValue() {
    var resolver = DefaultSecretResolver.create(Map.of("OTHER", "hunter2"), null);

    assertThatThrownBy(() -> resolver.resolve(new SecretRef.Env("TC_PW")))
        .isInstanceOf(SecretException.class)
        .hasMessage("secret env:TC_PW: environment variable TC_PW is not set; export it before running trustchain");
  }

  @Test
  void file_oneTrailingNewlineIsStripped() throws Exception {
    Path file = Files.writeString(dir.resolve("alice"), "pass word\n\n");
    var resolver = DefaultSecretResolver.create(Map.of(), null);

    assertThat(text(resolver.resolve(new SecretRef.File(file)))).isEqualTo("pass word\n");
  }

  @Test
  void file_missing_namesThePathAndWhatToDo() {
    Path file = dir.resolve("missing");
    var resolver = DefaultSecretResolver.create(Map.of(), null);

    assertThatThrownBy(() -> resolver.resolve(new SecretRef.File(file)))
        .hasMessage("secret file:" + file + " does not exist; create it (mode 600) or fix the path");
  }

  @Test
  void file_unreadable_saysToCheckPermissions() throws Exception {
    Path file = Files.writeString(dir.resolve("locked"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    var resolver = DefaultSecretResolver.create(Map.of(), null);
    boolean root = Files.isReadable(file);

    if (root) { // root reads anything: the check is then about a directory instead
      assertThatThrownBy(() -> resolver.resolve(new SecretRef.File(dir)))
          .hasMessage("secret file:" + dir + " is a directory; name the file that holds the secret");
    } else {
      assertThatThrownBy(() -> resolver.resolve(new SecretRef.File(file)))
          .hasMessage("secret file:" + file + " is not readable; check its owner and mode");
    }
  }

  @Test
  void command_runsInTheWorkDirAndStripsOneNewline() throws Exception {
    Files.writeString(dir.resolve("pw.txt"), "from-dir");
    var resolver = DefaultSecretResolver.create(Map.of(), null);

    Secret s = resolver.resolve(new SecretRef.Command("cat pw.txt; echo", dir));

    assertThat(text(s)).isEqualTo("from-dir");
  }

  @Test
  void command_failing_reportsTheExitCodeNeverTheOutput() {
    var resolver = DefaultSecretResolver.create(Map.of(), null);
    SecretRef ref = new SecretRef.Command("echo hunter2; echo oops-hunter2 >&2; exit 7", dir);

    assertThatThrownBy(() -> resolver.resolve(ref))
        .hasMessage("secret command:echo hunter2; echo oops-hunter2 >&2; exit 7 exited with status 7;"
            + " run the command yourself to see why")
        .satisfies(e -> assertThat(e.getMessage().replace(((SecretRef.Command) ref).command(), ""))
            .doesNotContain("hunter2"));
  }

  @Test
  void command_overTheTimeout_isKilled() {
    var resolver = DefaultSecretResolver.create(Map.of(), null).withCommandTimeout(Duration.ofMillis(200));

    assertThatThrownBy(() -> resolver.resolve(new SecretRef.Command("sleep 5", dir)))
        .hasMessage("secret command:sleep 5 did not finish within 200 ms and was killed");
  }

  @Test
  void command_isRunOncePerRunEvenFromManyThreads() throws Exception {
    Path counter = dir.resolve("count");
    var resolver = DefaultSecretResolver.create(Map.of(), null);
    SecretRef ref = new SecretRef.Command("echo x >> count; echo pw", dir);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(() -> text(resolver.resolve(ref)));
    }

    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<String> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo("pw");
      }
    }

    assertThat(Files.readAllLines(counter)).hasSize(1);
  }

  @Test
  void cachedSecret_survivesACallerDestroyingItsCopy() throws Exception {
    var resolver = DefaultSecretResolver.create(Map.of("A", "value"), null);
    resolver.resolve(new SecretRef.Env("A")).destroy();

    assertThat(text(resolver.resolve(new SecretRef.Env("A")))).isEqualTo("value");
  }

  @Test
  void vault_isOpenedWithTheKeyring() throws Exception {
    Secret password = Secret.of("pw");
    String envelope = AnsibleVault.encrypt("tok€n".getBytes(StandardCharsets.UTF_8), password, null);
    var resolver = DefaultSecretResolver.create(Map.of(), new AnsibleVault(VaultPasswords.single(null, password)));

    assertThat(text(resolver.resolve(new SecretRef.Vault(envelope, "site.yml:9:17")))).isEqualTo("tok€n");
  }

  @Test
  void vault_withoutKeyring_saysHowToConfigureOne() {
    var resolver = DefaultSecretResolver.create(Map.of(), null);

    assertThatThrownBy(() -> resolver.resolve(new SecretRef.Vault("$ANSIBLE_VAULT;1.1;AES256\n00", "site.yml:9:17")))
        .hasMessage("secret vault:site.yml:9:17 is vault-encrypted but no vault password is configured;"
            + " pass --vault-password-file FILE or --vault-id [label@]FILE");
  }

  @Test
  void escrow_goesToTheEscrowStoreWhenGiven() throws Exception {
    var plain = DefaultSecretResolver.create(Map.of(), null);
    var withStore = plain.withEscrow(ref -> Secret.of("recovery-key"));

    assertThat(text(withStore.resolve(new SecretRef.Escrow("mac-1/prk")))).isEqualTo("recovery-key");
    assertThatThrownBy(() -> plain.resolve(new SecretRef.Escrow("mac-1/prk")))
        .hasMessage("secret escrow:mac-1/prk lives in the escrow store, and none is configured");
  }

  @Test
  void toString_revealsNothing() throws Exception {
    var resolver = DefaultSecretResolver.create(Map.of("A", "hunter2"), null);
    resolver.resolve(new SecretRef.Env("A"));

    assertThat(resolver.toString()).doesNotContain("hunter2");
    assertThat(resolver.resolve(new SecretRef.Env("A")).toString()).isEqualTo("(sensitive)");
  }
}
