package io.trustchain.lab.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cat, rm, mkdir -p on the simulated file system; defaults on com.apple.MCX. */
class FilesAndPreferencesTest {

  @TempDir
  Path dir;

  @Test
  void catRmMkdir() throws Exception {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()) + "files:\n  /var/db/note: \"hello\\n\"\n");
    assertThat(mac.as("alice", "cat", "/var/db/note").out()).isEqualTo("hello\n");
    LabMac.Result missing = mac.as("alice", "cat", "/var/db/none");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("cat: /var/db/none: No such file or directory\n");
    assertThat(mac.as("alice", "rm", "/var/db/note").err()).isEqualTo("rm: /var/db/note: Permission denied\n");
    assertThat(mac.sudo("rm", "/var/db/note").exit()).isZero();
    assertThat(mac.sudo("rm", "/var/db/note").exit()).isEqualTo(1);
    assertThat(mac.sudo("rm", "-f", "/var/db/note").exit()).isZero();
    assertThat(mac.sudo("mkdir", "/var/db/a/b").exit()).isEqualTo(1);
    assertThat(mac.sudo("mkdir", "-p", "/var/db/a/b").exit()).isZero();
    assertThat(mac.isDirectory("/var/db/a/b")).isTrue();
    assertThat(mac.as("alice", "mkdir", "-p", "/Users/alice/x").exit()).isZero();
    mac.host().transact(m -> {
      m.writeFile("/tmp/out", "data");
      return null;
    });
    assertThat(mac.as("alice", "cat", "/tmp/out").out()).isEqualTo("data");
  }

  @Test
  void defaults_missingKey_onModernAndOldMacs() {
    LabMac sequoia = LabMac.inline(dir.resolve("a"), Scenarios.cast(Scenarios.sequoia()));
    LabMac.Result r = sequoia.as("alice", "defaults", "read", "/Library/Preferences/com.apple.MCX",
        "cachedaccounts.askForSecureTokenAuthBypass");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("The domain/default pair of (/Library/Preferences/com.apple.MCX, "
        + "cachedaccounts.askForSecureTokenAuthBypass) does not exist\n");
    LabMac catalina = LabMac.inline(dir.resolve("b"), Scenarios.cast(Scenarios.catalina()));
    assertThat(catalina.as("alice", "defaults", "read", "/Library/Preferences/com.apple.MCX",
        "cachedaccounts.askForSecureTokenAuthBypass").err())
        .matches("\\d{4}-\\d\\d-\\d\\d [0-9:.]+ defaults\\[\\d+:\\d+\\] \nThe domain/default pair of .* does not exist\n");
  }

  @Test
  void defaults_writeNeedsRoot_thenReadsBack() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.sequoia()));
    String domain = "/Library/Preferences/com.apple.MCX";
    String key = "cachedaccounts.askForSecureTokenAuthBypass";
    assertThat(mac.as("alice", "defaults", "write", domain, key, "-bool", "true").exit()).isEqualTo(1);
    assertThat(mac.sudo("defaults", "write", domain, key, "-bool", "true").exit()).isZero();
    assertThat(mac.as("alice", "defaults", "read", domain, key).out()).isEqualTo("1\n");
    assertThat(mac.as("alice", "defaults", "read-type", domain, key).out()).isEqualTo("Type is boolean\n");
    assertThat(mac.as("alice", "defaults", "read", domain + ".plist").out())
        .isEqualTo("{\n    \"cachedaccounts.askForSecureTokenAuthBypass\" = 1;\n}\n");
    assertThat(mac.sudo("defaults", "delete", domain, key).exit()).isZero();
    assertThat(mac.as("alice", "defaults", "read", domain, key).exit()).isEqualTo(1);
  }

  @Test
  void defaults_scenarioMcxKey() {
    LabMac mac = LabMac.inline(dir, Scenarios.cast(Scenarios.catalina()) + "mcx: {ask_for_secure_token_auth_bypass: false}\n");
    assertThat(mac.as("alice", "defaults", "read", "/Library/Preferences/com.apple.MCX",
        "cachedaccounts.askForSecureTokenAuthBypass").out()).isEqualTo("0\n");
  }
}
