package io.trustchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help, version, completion, the man page and usage errors never start the injector (start-up time);
 * a command with {@code @Inject} members gets them. The injector's first act, reading the Ansible config,
 * asks the environment for {@code ANSIBLE_CONFIG}: that read is what is counted.
 */
class LazyServicesTest {

  @TempDir Path dir;

  @Test
  void helpVersionCompletionManAndUsageErrorsDoNotStartTheInjector() {
    for (String[] args : new String[][] {{"--help"}, {"help", "validate"}, {"validate", "--help"}, {"--version"},
        {"completion"}, {"man"}, {"valdate"}, {"validate"}}) {
      Run run = run(args);
      assertThat(run.configReads()).as(String.join(" ", args) + ": " + run.err()).isZero();
    }
  }

  @Test
  void aCommandWithInjectedMembersGetsThem() {
    Run run = run("validate", "-i", "absent.yml", "absent-playbook.yml");
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("playbook absent-playbook.yml does not exist");
    assertThat(run.configReads()).isPositive();
  }

  @Test
  void theInjectorWorksThroughReflectionAndGeneratesNoClasses() {
    Run run = run("validate", "-i", "absent.yml", "absent-playbook.yml");
    assertThat(run.configReads()).isPositive();
    assertThat(com.google.inject.internal.InternalFlags.isBytecodeGenEnabled()).isFalse();
  }

  @Test
  void aGuiceBytecodeSettingTheUserGaveIsLeftAlone() {
    String before = System.getProperty(Services.GUICE_BYTECODE);
    try {
      System.setProperty(Services.GUICE_BYTECODE, "ENABLED");
      Services.reflectiveInjection();
      assertThat(System.getProperty(Services.GUICE_BYTECODE)).isEqualTo("ENABLED");
      System.clearProperty(Services.GUICE_BYTECODE);
      Services.reflectiveInjection();
      assertThat(System.getProperty(Services.GUICE_BYTECODE)).isEqualTo("DISABLED");
    } finally {
      if (before == null) {
        System.clearProperty(Services.GUICE_BYTECODE);
      } else {
        System.setProperty(Services.GUICE_BYTECODE, before);
      }
    }
  }

  @Test
  void onlyClassesWithInjectMembersWantInjection() {
    assertThat(Services.wantsInjection(ValidateCommand.class)).isTrue();
    assertThat(Services.wantsInjection(RootCommand.class)).isFalse();
    assertThat(Services.wantsInjection(CompletionCommand.class)).isFalse();
  }

  private Run run(String... args) {
    AtomicInteger reads = new AtomicInteger();
    HashMap<String, String> env = new HashMap<>() {
      @Override
      public String get(Object key) {
        if ("ANSIBLE_CONFIG".equals(key)) {
          reads.incrementAndGet();
        }
        return super.get(key);
      }
    };
    env.put("HOME", dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.create(new CliEnvironment(env, dir, new ByteArrayInputStream(new byte[0]), false),
        new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, err.toString(), reads.get());
  }

  private record Run(int code, String err, int configReads) {}
}
