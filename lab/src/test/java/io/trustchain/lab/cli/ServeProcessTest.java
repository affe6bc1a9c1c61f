package io.trustchain.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.lab.server.FakeHostFactory;
import io.trustchain.lab.server.InProcessLabProvider;
import io.trustchain.lab.server.LabServeLock;
import io.trustchain.lab.server.SshjClient;
import io.trustchain.spi.LabHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab serve} in a process of its own: other processes see its claim, and SIGTERM releases it. */
@SuppressWarnings("try") // servers and claims held open for the block
@Timeout(120)
class ServeProcessTest {

  @TempDir
  Path dir;

  @Test
  void anotherProcessSeesTheClaimAndSigtermReleasesIt() throws Exception {
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/s.yml"), "macos: 14.5\n");
    int port = io.trustchain.testing.Ports.free();
    Path fleet = dir.resolve("fleet.yml");
    Files.writeString(fleet, "- {name: mac-a, port: " + port + ", scenario: scenarios/s.yml, ssh_user: admin}\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LabMain.class.getName(), "serve", "--fleet", fleet.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.contains("Press Ctrl-C")) {
        // wait until it serves
      }
      assertThat(line).isNotNull();
      Path state = dir.resolve(".lab-state");
      assertThat(LabServeLock.running(state)).hasValueSatisfying(f -> assertThat(f.pid()).isEqualTo(p.pid()));

      LabHost a = new LabHost("mac-a", "127.0.0.1", port, dir.resolve("scenarios/s.yml"), state,
          state.resolve("known_hosts"), state.resolve("id_ed25519"), "admin");
      FakeHostFactory runFactory = new FakeHostFactory();
      try (AutoCloseable run = new InProcessLabProvider(runFactory).serve(List.of(a));
          SshjClient c = new SshjClient(state.resolve("known_hosts"), state.resolve("id_ed25519"), "admin", port)) {
        assertThat(c.exec("whoami", "").stdout()).isEqualTo("admin\n");
        assertThat(runFactory.host("mac-a")).as("served by the other process").isNull();
      }

      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(LabServeLock.running(state)).isEmpty();
      assertThat(state.resolve("serve.json")).doesNotExist();
    } finally {
      p.destroyForcibly();
    }
  }
}
