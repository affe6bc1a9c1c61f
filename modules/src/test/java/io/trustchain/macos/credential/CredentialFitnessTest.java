package io.trustchain.macos.credential;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.HostFacts;
import io.trustchain.macos.Fixtures;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialFitnessTest {

  private final CredentialFitness fitness = new CredentialFitness();

  private List<PlanProblem> check(HostFacts gathered) {
    return fitness.validate(gathered, gathered, TCADMIN, List.of());
  }

  @Test
  void aTokenHoldingAdminWhosePasswordWorksIsFit() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, true, true, null, true)))).isEmpty();
  }

  @Test
  void aMissingCredentialIsOneProblemAtTheCredentialWithWhatToDo() {
    assertThat(check(mac("sequoia", user("ladmin", 501, true, true, null, null)))).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("the management credential tcadmin does not exist on this Mac");
      assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("create tcadmin on the Mac"));
      assertThat(p.address()).isEqualTo(ResourceAddress.of("credential", "tcadmin"));
      assertThat(p.at()).contains(Fixtures.CREDENTIAL_AT);
    });
  }

  @Test
  void notAnAdmin() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, false, true, null, true))))
        .extracting(PlanProblem::message).containsExactly("the management credential tcadmin is not an admin");
  }

  @Test
  void noSecureToken() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, true, false, null, true),
        user("ladmin", 502, true, true, null, null))))
        .singleElement().satisfies(p -> {
          assertThat(p.message()).isEqualTo("the management credential tcadmin does not hold a Secure Token");
          assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("sysadminctl -secureTokenOn tcadmin"));
        });
  }

  @Test
  void passwordDoesNotAuthenticateNamesTheSecretReference() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, true, true, null, false)))).singleElement()
        .satisfies(p -> {
          assertThat(p.message()).isEqualTo(
              "the password given for the management credential tcadmin does not authenticate (checked once, because"
                  + " a planned change uses it)");
          assertThat(p.hint()).contains("check the secret env:TC_PW");
        });
  }

  @Test
  void aPasswordNotTried_isNoProblem_itIsTriedByTheFirstChangeThatUsesIt() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, true, true, null, null)))).isEmpty();
  }

  @Test
  void everyMissingPieceIsItsOwnProblem() {
    assertThat(check(mac("sequoia", user("tcadmin", 501, false, false, null, false),
        user("ladmin", 502, true, true, null, null)))).hasSize(3);
  }

  @Test
  void fitnessIsJudgedOnTheGatheredFactsNotTheProjectedOnes() {
    HostFacts gathered = mac("sequoia", user("tcadmin", 501, true, false, null, true),
        user("ladmin", 502, true, true, null, null));
    HostFacts projected = mac("sequoia", user("tcadmin", 501, true, true, null, true),
        user("ladmin", 502, true, true, null, null));
    assertThat(fitness.validate(gathered, projected, TCADMIN, List.of())).hasSize(1);
  }

  @Test
  void onAMacWhereNobodyHoldsATokenYet_aTokenlessCredentialIsAProblemOnlyWhenAChangeUsesIt() {
    HostFacts fresh = mac("sequoia", user("tcadmin", 501, true, false, null, true),
        user("alice", 502, false, false, null, null));
    assertThat(fitness.validate(fresh, fresh, TCADMIN, List.of(
        new io.trustchain.plan.Change.Update(ResourceAddress.of("filevault", "main"), io.trustchain.plan.Attributes.EMPTY,
            io.trustchain.plan.Attributes.EMPTY, List.of(io.trustchain.transport.Command.of("fdesetup", "enable",
                "-defer", "/var/db/trustchain-filevault.plist")), "deferred")))).isEmpty();
    assertThat(fitness.validate(fresh, fresh, TCADMIN, List.of(
        new io.trustchain.plan.Change.Update(ResourceAddress.of("bootstrap_token", "main"),
            io.trustchain.plan.Attributes.EMPTY, io.trustchain.plan.Attributes.EMPTY,
            List.of(io.trustchain.transport.Command.of("profiles", "install").withSecret(TCADMIN.password())), "x"))))
        .extracting(PlanProblem::message).containsExactly("the management credential tcadmin does not hold a Secure Token");
  }
}
