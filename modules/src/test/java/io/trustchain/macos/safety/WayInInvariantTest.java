package io.trustchain.macos.safety;

import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.WayIn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Safety invariant 7 on the projected facts: the account the run connects as survives every plan. */
class WayInInvariantTest {

  private final WayInInvariant invariant = new WayInInvariant();
  private final UserFacts ladmin = user("ladmin", 502, true, false, null, null);
  private final HostFacts before = mac("sequoia-arm", user("tcadmin", 501, true, true, true, null), ladmin);
  private static final WayIn VIA_LADMIN = new WayIn("ladmin", false);
  private static final WayIn OPTED_IN = new WayIn("ladmin", true);

  private List<PlanProblem> check(HostFacts after, WayIn wayIn, Change... changes) {
    return invariant.validateHost(before, after, List.of(changes), wayIn);
  }

  @Test
  void removingDemotingOrDisablingTheConnectionAccount_isAPlanErrorNamingTheInvariant() {
    assertThat(check(before.withoutUser("ladmin"), VIA_LADMIN)).singleElement().satisfies(p -> {
      assertThat(p.address()).isEqualTo(ResourceAddress.of("user", "ladmin"));
      assertThat(p.message()).contains("remove ladmin").contains("the account trustchain connects as")
          .contains("safety invariant 7 (the way in)");
      assertThat(p.hint()).get().asString().contains("trustchain_allow_way_in_change: true");
    });
    assertThat(check(before.withUser(ladmin.withAdmin(false)), VIA_LADMIN)).extracting(PlanProblem::message)
        .singleElement().asString().contains("take ladmin's admin rights, and with them its sudo");
    UserFacts noShell = new UserFacts("ladmin", 502, "ladmin", null, true, false, false, null, "/usr/bin/false",
        "/Users/ladmin", false, false, List.of(), null);
    assertThat(check(before.withUser(noShell), VIA_LADMIN)).extracting(PlanProblem::message).singleElement()
        .asString().contains("the shell /usr/bin/false, which refuses SSH logins");
    UserFacts disabled = new UserFacts("ladmin", 502, "ladmin", null, true, false, false, null, "/bin/zsh",
        "/Users/ladmin", false, true, List.of(";DisabledUser;"), null);
    assertThat(check(before.withUser(disabled), VIA_LADMIN)).extracting(PlanProblem::message).singleElement()
        .asString().contains("disable ladmin");
  }

  @Test
  void settingANewPasswordOnTheConnectionAccount_isAPlanError() {
    Change repassword = new Change.Update(ResourceAddress.of("user", "ladmin"),
        new Attributes(Map.of("password", "(set)"), java.util.Set.of("password")),
        new Attributes(Map.of("password", "(new)"), java.util.Set.of("password")), List.of(), "rotated");
    assertThat(check(before, VIA_LADMIN, repassword)).extracting(PlanProblem::message).singleElement()
        .asString().contains("change ladmin's password");
  }

  @Test
  void otherAccountsAndHarmlessChanges_areFine() {
    assertThat(check(before.withoutUser("tcadmin"), VIA_LADMIN)).isEmpty();
    assertThat(check(before, VIA_LADMIN)).isEmpty();
    assertThat(check(before.withoutUser("ladmin"), WayIn.unknown())).isEmpty();
  }

  @Test
  void theOptIn_allowsItOnlyWhileAnotherEnabledAdminWithALoginShellRemains() {
    assertThat(check(before.withoutUser("ladmin"), OPTED_IN)).as("tcadmin remains").isEmpty();
    HostFacts alone = mac("sequoia-arm", user("tcadmin", 501, false, true, true, null), ladmin);
    assertThat(invariant.validateHost(alone, alone.withoutUser("ladmin"), List.of(), OPTED_IN))
        .extracting(PlanProblem::message).singleElement().asString()
        .contains("no other enabled admin with a login shell would remain");
  }
}
