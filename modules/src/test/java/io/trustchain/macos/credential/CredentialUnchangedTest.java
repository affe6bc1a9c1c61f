package io.trustchain.macos.credential;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.PlanProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialUnchangedTest {

  private final CredentialUnchanged validator = new CredentialUnchanged();
  private final HostFacts gathered = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
      user("alice", 502, false, false, false, null));

  @Test
  void otherUsersMayChange() {
    HostFacts projected = gathered.withUser(user("alice", 502, true, true, true, null));
    assertThat(validator.validate(gathered, projected, TCADMIN, List.of())).isEmpty();
  }

  @Test
  void anyChangeToTheCredentialIsAProblemNamingWhatChanged() {
    HostFacts projected = gathered.withUser(user("tcadmin", 501, false, false, false, true));
    assertThat(validator.validate(gathered, projected, TCADMIN, List.of())).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo(
          "this plan would modify the management credential tcadmin (admin, secure_token, volume_owner)");
      assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("never modifies"));
    });
  }

  @Test
  void removingTheCredentialIsAProblem() {
    assertThat(validator.validate(gathered, gathered.withoutUser("tcadmin"), TCADMIN, List.of()))
        .extracting(PlanProblem::message).containsExactly("this plan would remove the management credential tcadmin");
  }

  @Test
  void aMissingCredentialIsLeftToTheFitnessCheck() {
    HostFacts none = mac("sequoia", user("alice", 502, false, false, null, null));
    assertThat(validator.validate(none, none, TCADMIN, List.of())).isEmpty();
  }
}
