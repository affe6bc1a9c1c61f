package io.trustchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line built with only the verbs it names prints, suggests and exits exactly as the whole tree
 * does; {@code --help} builds none of them.
 */
class VerbsTest {

  @TempDir Path dir;

  @Test
  void onlyTheNamedVerbsAreBuiltAndTheOutputIsTheWholeTreesOutput() {
    for (String[] args : new String[][] {{"--help"}, {}, {"help"}, {"-v", "--help"}, {"valdate"}, {"help", "validate"},
        {"help", "nosuch"}, {"validate", "--help"}, {"plan", "--limt", "x"}, {"--version"}, {"lab"},
        {"validate", "absent.yml"}}) {
      assertThat(run(args, args)).as(String.join(" ", args)).isEqualTo(run(null, args));
    }
    assertThat(run(null, new String[] {"valdate"})).contains("did you mean \"validate\"");
  }

  @Test
  void whichVerbsACommandLineNeeds() {
    assertThat(Verbs.needed(new String[] {"--help"}).test("validate")).isFalse();
    assertThat(Verbs.needed(new String[] {"-v", "plan", "-i", "x.yml"}).test("plan")).isTrue();
    assertThat(Verbs.needed(new String[] {"-v", "plan", "-i", "x.yml"}).test("apply")).isFalse();
    assertThat(Verbs.needed(new String[] {"help", "apply"}).test("apply")).isTrue();
    assertThat(Verbs.needed(new String[] {"help", "apply"}).test("help")).isTrue();
    assertThat(Verbs.needed(new String[] {"completion"}).test("report")).isTrue();
    assertThat(Verbs.needed(new String[] {"man"}).test("show")).isTrue();
    assertThat(Verbs.needed(null).test("facts")).isTrue();
  }

  @Test
  void aStandInShowsWhatTheVerbsAnnotationSays() {
    var spec = Verbs.standIn(ValidateCommand.class);
    assertThat(spec.name()).isEqualTo("validate");
    assertThat(spec.usageMessage().description()).containsExactly(
        "Load and check the inventory and playbooks offline (nothing connects).");
  }

  /** Code, stdout and stderr of {@code args}, on a command line built for {@code builtFor} (null: all verbs). */
  private String run(String[] builtFor, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(Map.of("HOME", dir.toString()), dir,
        new ByteArrayInputStream(new byte[0]), false);
    int code = Cli.create(env, new PrintWriter(out, true), new PrintWriter(err, true),
        new LabArtifact(Optional.empty()), builtFor).execute(args);
    return code + "\n" + out + "\n" + err;
  }
}
