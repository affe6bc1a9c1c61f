package io.trustchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab is opened only for the command lines that need it, and a missing lab folder is no lab. */
class LabArtifactTest {

  @TempDir Path dir;

  @Test
  void onlyLabCommandLinesOpenTheLab() {
    assertThat(Cli.namesLab(new String[] {"lab", "serve"})).isTrue();
    assertThat(Cli.namesLab(new String[] {"--no-color", "lab", "status"})).isTrue();
    assertThat(Cli.namesLab(new String[] {"help", "lab"})).isTrue();
    assertThat(Cli.namesLab(new String[] {"plan", "-i", "lab.yml", "--limit", "lab"})).isFalse();
    assertThat(Cli.namesLab(new String[] {"help", "plan"})).isFalse();
    assertThat(Cli.namesLab(new String[] {"--help"})).isFalse();
  }

  @Test
  void aFolderWithoutJarsIsNoLab() throws Exception {
    Files.createDirectories(dir.resolve("lab"));
    // the cli module's tests have no lab on the classpath: the folder is all there is
    LabArtifact lab = new LabArtifact(Optional.of(dir.resolve("lab")));
    assertThat(lab.installed()).isFalse();
    assertThat(lab.provider()).isEmpty();
    assertThat(lab.extensions()).isEmpty();
    assertThat(new LabArtifact(Optional.of(dir.resolve("absent"))).provider()).isEmpty();
  }
}
