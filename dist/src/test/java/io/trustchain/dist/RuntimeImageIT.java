package io.trustchain.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime image (jlink): runs with no Java installed or named, and has no lab. */
class RuntimeImageIT {

  @TempDir Path dir;

  @Test
  void runsWithoutAJdkAndValidatesDocuments() throws Exception {
    Release.untar(Release.runtimeImage(), dir);
    Path home = dir.resolve("trustchain-" + Release.VERSION);
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("lab")).doesNotExist();
    // no JAVA_HOME, and a PATH with the shell's tools but no java
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : new String[] {"readlink", "dirname", "sed", "head", "ls", "cksum", "cut", "mkdir", "cat", "tr"}) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    Map<String, String> env = Map.of("PATH", tools.toString(), "HOME", dir.resolve("user").toString());

    Release.Result version = Release.run(home, env, "/bin/bash", "bin/trustchain", "--version");
    assertThat(version.code()).as(version.toString()).isZero();
    assertThat(version.out()).startsWith("trustchain " + Release.VERSION + "\n")
        .contains("Java " + Runtime.version().feature());

    Files.writeString(dir.resolve("hosts.yml"), """
        all:
          hosts:
            mac-01: {ansible_host: 192.0.2.10, ansible_user: admin}
        """);
    Files.writeString(dir.resolve("site.yml"), """
        - name: Every Mac
          hosts: all
          credential: {user: tcadmin, password: !secret env:TC_PASSWORD}
          resources:
            - user: {name: alice, secure_token: true, password: !secret env:TC_ALICE}
        """);
    Map<String, String> withSecrets = Map.of("PATH", tools.toString(), "HOME", dir.resolve("user").toString(),
        "TC_PASSWORD", "x", "TC_ALICE", "y");
    Release.Result valid = Release.run(dir, withSecrets, "/bin/bash", home.resolve("bin/trustchain").toString(),
        "validate", "-i", "hosts.yml", "site.yml");
    assertThat(valid.code()).as(valid.toString()).isZero();
    assertThat(valid.out()).startsWith("Valid: 1 playbook, 1 play, 1 host");

    Release.Result lab = Release.run(dir, env, "/bin/bash", home.resolve("bin/trustchain").toString(), "lab", "status");
    assertThat(lab.code()).as(lab.toString()).isEqualTo(64);
    assertThat(lab.err()).contains("the lab (simulated Macs) is not installed with this trustchain");
  }
}
