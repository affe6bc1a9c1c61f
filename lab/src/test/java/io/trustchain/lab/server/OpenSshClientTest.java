package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSH's own {@code ssh} against the lab, with strict host key checking and the lab's client key. */
@org.junit.jupiter.api.Timeout(120)
class OpenSshClientTest {

  record Result(int status, String out, String err) {}

  @TempDir
  Path dir;

  private LabServer lab;
  private int port;

  @BeforeEach
  void serve() throws IOException {
    lab = LabServer.start(List.of(Lab.host(dir, "mac-a", 0)), new FakeHostFactory());
    port = lab.endpoint("mac-a").orElseThrow().port();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private Result ssh(String user, String command, String stdin) throws Exception {
    return ssh(user, command, stdin, "-o", "LogLevel=ERROR");
  }

  private Result ssh(String user, String command, String stdin, String... options) throws Exception {
    java.util.List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null"));
    argv.addAll(List.of(options));
    argv.addAll(List.of(
        "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes",
        "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-i", dir.resolve("keys/id_lab").toString(),
        "-p", String.valueOf(port), user + "@127.0.0.1"));
    if (command != null) {
      argv.add(command);
    }
    Process p = new ProcessBuilder(argv).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), SshjClient.THREADS);
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // ssh exited before reading all of it
    }
    String out = read(p.getInputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void execWithOutputAndExitStatus() throws Exception {
    Result r = ssh("admin", "whoami; echo to-stderr >&2; exit 7", "");
    assertThat(r.out()).isEqualTo("admin\n");
    assertThat(r.err()).contains("to-stderr\n");
    assertThat(r.status()).isEqualTo(7);
  }

  @Test
  void sudoWithThePasswordOnStdin() throws Exception {
    Result r = ssh("admin", "sudo -S -p '' sh -c 'whoami; IFS= read -r l; echo \"[$l]\"'", "adminpw\nsecret line\n");
    assertThat(r.out()).isEqualTo("root\n[secret line]\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void shellWithoutTerminalRunsLinesFromStdin() throws Exception {
    Result r = ssh("admin", null, "whoami\nfor x in a b; do\n  echo \"$x\"\ndone\necho 'multi\nline'\nexit 3\necho never\n",
        "-T", "-o", "LogLevel=ERROR");
    assertThat(r.out()).isEqualTo("admin\na\nb\nmulti\nline\n");
    assertThat(r.status()).isEqualTo(3);
  }

  @Test
  void shellWithTerminalEchoesAndPrompts() throws Exception {
    Result r = ssh("admin", null, "whoamx\u007fi\rexit 4\r", "-tt", "-o", "LogLevel=ERROR");
    assertThat(r.out()).contains("admin@mac-a ~ % whoamx\b \bi\r\nadmin\r\n", "admin@mac-a ~ % exit 4\r\n");
    assertThat(r.status()).isEqualTo(4);
  }

  @Test
  void unknownUserIsRefused() throws Exception {
    Result r = ssh("mallory", "true", "");
    assertThat(r.status()).isEqualTo(255);
    assertThat(r.err()).contains("Permission denied");
  }
}
