package io.trustchain.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dedicated login account of the interop test: {@value #NAME}, with {@code /bin/sh} as its
 * shell (never root, whose ~/.bashrc sets up pyenv at ≈0.7 s per remote command). Created when
 * missing if the test runs as root, as it does here and in CI.
 */
final class InteropAccount {

  static final String NAME = "tcinterop";

  private InteropAccount() {}

  static void ensure() throws IOException, InterruptedException {
    String entry = run(List.of("getent", "passwd", NAME)).strip();
    boolean root = isRoot();
    if (entry.isEmpty()) {
      if (!root) {
        throw new AssertionError("the OpenSSH interop test logs in as the dedicated user " + NAME
            + ", which does not exist, and this test is not running as root so it cannot create it: run as root, "
            + "or create it with `useradd -m -s /bin/sh " + NAME + " && usermod -p '*' " + NAME + "`");
      }
      must(List.of("useradd", "-m", "-s", "/bin/sh", NAME));
      entry = run(List.of("getent", "passwd", NAME)).strip();
    }
    String shell = entry.substring(entry.lastIndexOf(':') + 1);
    if (!shell.equals("/bin/sh")) {
      if (!root) {
        throw new AssertionError(NAME + " has the shell " + shell + "; the interop test needs /bin/sh "
            + "(`usermod -s /bin/sh " + NAME + "`)");
      }
      must(List.of("usermod", "-s", "/bin/sh", NAME));
    }
    if (root) {
      // useradd leaves the password field "!" (locked); without PAM, sshd refuses locked accounts
      // even for key logins. "*" means "no password" without locking.
      String shadow = run(List.of("getent", "shadow", NAME)).strip();
      String[] fields = shadow.split(":", -1);
      if (fields.length > 1 && fields[1].startsWith("!")) {
        must(List.of("usermod", "-p", "*", NAME));
      }
    }
  }

  static boolean isRoot() throws IOException, InterruptedException {
    return run(List.of("id", "-u")).strip().equals("0");
  }

  static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return p.exitValue() == 0 ? out : "";
  }

  static void must(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.strip());
    }
  }
}
