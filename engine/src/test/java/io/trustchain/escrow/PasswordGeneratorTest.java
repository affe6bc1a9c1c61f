package io.trustchain.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {

  private static String generate(int length, List<String> classes) {
    return new String(PasswordGenerator.generate(length, classes).reveal());
  }

  @Test
  void hasTheLength_oneOfEachClassAtLeast_andNothingElse() {
    for (int i = 0; i < 200; i++) {
      String p = generate(8, List.of("upper", "lower", "digits", "symbols"));
      assertThat(p).hasSize(8);
      assertThat(p).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
          .containsPattern("[^A-Za-z0-9]");
      assertThat(p.chars().allMatch(c -> (PasswordGenerator.UPPER + PasswordGenerator.LOWER + PasswordGenerator.DIGITS
          + PasswordGenerator.SYMBOLS).indexOf(c) >= 0)).as(p).isTrue();
    }
  }

  @Test
  void leavesOutLookAlikes_andOnlyUsesTheClassesAskedFor() {
    for (int i = 0; i < 200; i++) {
      String p = generate(24, List.of("lower", "digits"));
      assertThat(p).matches("[a-z2-9]{24}").doesNotContain("l").doesNotContain("0").doesNotContain("1");
    }
  }

  @Test
  void differsEachTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(generate(16, List.of("upper", "lower", "digits")));
    }
    assertThat(seen).hasSize(100);
  }
}
