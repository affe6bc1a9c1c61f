package io.trustchain.macos.safety;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.transport.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAdminInvariantTest {

  private final TokenAdminInvariant invariant = new TokenAdminInvariant();

  private static Change.Delete delete(String name) {
    return new Change.Delete(ResourceAddress.of("user", name), Attributes.EMPTY,
        List.of(Command.of("sysadminctl", "-deleteUser", name)), "test");
  }

  @Test
  void removingTheLastTokenAdminIsRefusedAndBlamesItsChange() {
    HostFacts gathered = mac("sequoia", user("bob", 501, true, true, null, null), user("alice", 502, false, true, null, null));
    HostFacts projected = gathered.withoutUser("bob");

    assertThat(invariant.validate(gathered, projected, TCADMIN, List.of(delete("bob")))).singleElement()
        .satisfies(p -> {
          assertThat(p.message()).isEqualTo("this plan would leave no admin holding a Secure Token on this Mac");
          assertThat(p.address()).isEqualTo(ResourceAddress.of("user", "bob"));
        });
  }

  @Test
  void anotherTokenAdminLeftIsFine() {
    HostFacts gathered = mac("sequoia", user("bob", 501, true, true, null, null), user("carol", 502, true, true, null, null));
    assertThat(invariant.validate(gathered, gathered.withoutUser("bob"), TCADMIN, List.of(delete("bob")))).isEmpty();
  }

  @Test
  void demotingTheLastTokenAdminIsRefusedToo() {
    HostFacts gathered = mac("sequoia", user("bob", 501, true, true, null, null));
    HostFacts projected = gathered.withUser(user("bob", 501, false, true, null, null));
    assertThat(invariant.validate(gathered, projected, TCADMIN, List.of())).extracting(PlanProblem::address)
        .containsExactly(ResourceAddress.of("invariant", "token_admin"));
  }

  @Test
  void aMacThatAlreadyHadNoTokenAdminIsLeftToTheCredentialCheck() {
    HostFacts gathered = mac("sequoia", user("bob", 501, true, false, null, null));
    assertThat(invariant.validate(gathered, gathered, TCADMIN, List.of())).isEmpty();
  }

  @Test
  void appleSiliconKeepsAVolumeOwner() {
    // bob: a token admin that listUsers does not report as owner; alice: the only owner (S58 layout).
    HostFacts gathered = mac("sequoia-arm", user("bob", 501, true, true, false, null), user("alice", 502, false, true, true, null));
    HostFacts projected = gathered.withoutUser("alice");

    assertThat(invariant.validate(gathered, projected, TCADMIN, List.of(delete("alice")))).singleElement()
        .satisfies(p -> {
          assertThat(p.message()).isEqualTo("this plan would leave this Apple-silicon Mac without a volume owner");
          assertThat(p.address()).isEqualTo(ResourceAddress.of("user", "alice"));
        });
  }

  @Test
  void intelMacsHaveNoVolumeOwnersToKeep() {
    HostFacts gathered = mac("sequoia", user("bob", 501, true, true, null, null), user("alice", 502, false, true, true, null));
    assertThat(invariant.validate(gathered, gathered.withoutUser("alice"), TCADMIN, List.of())).isEmpty();
  }

  @Test
  void whereOwnershipIsNotReportedTokenHoldersCountAsOwners() {
    HostFacts gathered = mac("monterey-arm", user("bob", 501, true, true, null, null), user("alice", 502, false, true, null, null));
    assertThat(invariant.validate(gathered, gathered.withoutUser("alice"), TCADMIN, List.of())).isEmpty();
  }
}
