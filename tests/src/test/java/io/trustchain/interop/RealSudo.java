package io.trustchain.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Debian's real sudo for {@value InteropAccount#NAME}: a password (always the same, so setting it again changes
 * nothing for a concurrent run, which logs in with its key) and a sudoers rule that lets it run anything as
 * root with that password, asked at every exec (no credential caching). Idempotent; needs root.
 */
final class RealSudo {

  static final String PASSWORD = "tc interop sudo pw";
  /** {@code openssl passwd -6 -salt trustchaininterop 'tc interop sudo pw'}: a fixed salt, so the same hash. */
  private static final String HASH =
      "$6$trustchainintero$ozs7FOUxlHtI.5u8jPTSxQB5V5htFiN97Hlm8n9.KmUdfuTyInhFYfcYD6inDmwOOxT.1ZYc7N561hUtJ9Zfs0";
  static final Path SUDOERS = Path.of("/etc/sudoers.d/trustchain-interop");
  private static final String RULE = """
      # trustchain's OpenSSH interop test (tests/.../interop/RealSudo.java): tcinterop runs anything as root with
      # its password, asked at every exec.
      Defaults:tcinterop timestamp_timeout=0
      tcinterop ALL=(root) ALL
      """;

  private RealSudo() {}

  static void ensure() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/bin/sudo"))) {
      throw new AssertionError("the real-sudo interop test needs Debian's sudo: install it with "
          + "scripts/install-test-deps.sh (apt-get install sudo)");
    }
    InteropAccount.ensure();
    if (!InteropAccount.isRoot()) {
      throw new AssertionError("the real-sudo interop test sets " + InteropAccount.NAME + "'s password and a sudoers"
          + " rule, which needs root: run it as root, as CI does");
    }
    String[] shadow = InteropAccount.run(List.of("getent", "shadow", InteropAccount.NAME)).strip().split(":", -1);
    if (shadow.length < 2 || !shadow[1].equals(HASH)) {
      InteropAccount.must(List.of("usermod", "-p", HASH, InteropAccount.NAME));
    }
    if (!Files.exists(SUDOERS) || !Files.readString(SUDOERS).equals(RULE)) {
      // a name with a dot is ignored by @includedir, so the rule appears whole or not at all
      Path tmp = SUDOERS.resolveSibling(".trustchain-interop." + ProcessHandle.current().pid());
      Files.writeString(tmp, RULE, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r-----"));
      InteropAccount.must(List.of("visudo", "-c", "-q", "-f", tmp.toString()));
      Files.move(tmp, SUDOERS, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
