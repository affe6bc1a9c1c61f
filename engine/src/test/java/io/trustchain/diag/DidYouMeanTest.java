package io.trustchain.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  @Test
  void suggestsTheClosestKnownKey() {
    assertThat(DidYouMean.closest("enabeld", List.of("enabled", "enable_with", "unlock_users")))
        .contains("enabled");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(DidYouMean.closest("colour", List.of("enabled", "unlock_users"))).isEmpty();
  }

  @Test
  void transpositionCountsAsOneEdit() {
    assertThat(DidYouMean.distance("secrue_token", "secure_token")).isEqualTo(1);
  }
}
