package io.trustchain.planner;

import static io.trustchain.plan.SamplePlans.SONOMA;
import static io.trustchain.plan.SamplePlans.TC_PW;
import static io.trustchain.plan.SamplePlans.facts;
import static io.trustchain.plan.SamplePlans.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.SourceRange;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Known;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Action;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Safety invariant 8: only the resources whose decision reads a not-understood fact are left undecided. */
class PlannerNotUnderstoodTest {

  private static final Credential TCADMIN = new Credential("tcadmin", TC_PW, SourceRange.of(Path.of("site.yml"), 3, 5));
  private static final NotUnderstood BOB_TOKEN = new NotUnderstood("users", List.of("users[bob].secure_token"),
      "sysadminctl -secureTokenStatus bob", 0, "stderr", List.of("Secure token is PENDING for user Bob"),
      "no 'Secure token is ENABLED|DISABLED for user …' line");
  private static final NotUnderstood EXTRA = new NotUnderstood("os", List.of(), "sw_vers", 0, "stdout",
      List.of("ProductBuildFlavor:\tinternal"), "unknown key ProductBuildFlavor (kept)");

  private final ProbeModule probe = new ProbeModule();
  private final Planner planner = new Planner();

  private final HostFacts mac = facts(SONOMA, user("tcadmin", 501, true, true), user("alice", 502, false, false),
      user("bob", 503, false, false)).notUnderstood(List.of(BOB_TOKEN, EXTRA));

  private BoundResource<?> bound(ProbeModule.Params params, int line) {
    return new BoundResource<>(ResourceAddress.of("probe", params.name()), probe, params, TCADMIN, "play",
        SourceRange.of(Path.of("playbooks/site.yml"), line, 7));
  }

  @Test
  void aResourceReadingAnUnknownFact_cannotPlan_andTheOthersPlanAsUsual() {
    HostPlan plan = planner.plan("mac", mac, "d", List.of(
        bound(ProbeModule.Params.named("grant-bob").granting("bob"), 1),
        bound(ProbeModule.Params.named("grant-alice").granting("alice"), 2)), List.of());

    assertThat(plan.ok()).as("the host is applied").isTrue();
    assertThat(plan.complete()).as("but not complete").isFalse();
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.address()).isEqualTo(ResourceAddress.of("probe", "grant-alice"));
      assertThat(c.action()).isEqualTo(Action.UPDATE);
    });
    assertThat(plan.undecided()).singleElement().satisfies(u -> {
      assertThat(u.address()).isEqualTo(ResourceAddress.of("probe", "grant-bob"));
      assertThat(u.fact()).isEqualTo("users[bob].secure_token");
      assertThat(u.message()).isEqualTo("cannot plan: users[bob].secure_token not understood:"
          + " sysadminctl -secureTokenStatus bob (exit 0) printed \"Secure token is PENDING for user Bob\" on stderr:"
          + " no 'Secure token is ENABLED|DISABLED for user …' line");
      assertThat(u.because()).containsExactly(BOB_TOKEN);
      assertThat(u.at()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(1));
    });
    assertThat(plan.warnings()).as("the extra sw_vers key touched no decision").containsExactly(EXTRA);
  }

  @Test
  void anUnknownFactNoDecisionReads_isOnlyAWarning() {
    HostPlan plan = planner.plan("mac", mac, "d", List.of(
        bound(ProbeModule.Params.named("grant-alice").granting("alice"), 1)), List.of());

    assertThat(plan.complete()).isTrue();
    assertThat(plan.undecided()).isEmpty();
    assertThat(plan.warnings()).containsExactly(BOB_TOKEN, EXTRA);
  }

  @Test
  void aResourceThatDependsOnAnUndecidedOne_isUndecidedToo() {
    HostPlan plan = planner.plan("mac", mac, "d", List.of(
        bound(ProbeModule.Params.named("grant-bob").granting("bob"), 1),
        bound(ProbeModule.Params.named("fv").after("grant-bob"), 2),
        bound(ProbeModule.Params.named("other"), 3)), List.of());

    assertThat(plan.undecided()).extracting(u -> u.address().name()).containsExactly("grant-bob", "fv");
    assertThat(plan.undecided().get(1).message())
        .isEqualTo("cannot plan: it depends on probe[grant-bob], which cannot be planned");
    assertThat(plan.changes()).extracting(c -> c.address().name()).containsExactly("other");
  }

  @Test
  void aSafetyCheckThatNeedsAnUnknownFact_leavesTheChangesUndecided_butNotTheNoOps() {
    PlanValidator onlyTheCredentialHoldsATokenNow = (gathered, projected, credential, changes) ->
        Known.noneMatch(gathered.users(), u -> !u.name().equals("tcadmin") && u.secureToken()) ? List.of()
            : List.<PlanProblem>of();
    HostPlan plan = planner.plan("mac", mac, "d", List.of(
        bound(ProbeModule.Params.named("grant-alice").granting("alice"), 1),
        bound(ProbeModule.Params.named("quiet"), 2)), List.of(onlyTheCredentialHoldsATokenNow));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.changes()).extracting(c -> c.address().name()).containsExactly("quiet");
    assertThat(plan.undecided()).singleElement().satisfies(u -> {
      assertThat(u.address().name()).isEqualTo("grant-alice");
      assertThat(u.message()).startsWith("cannot plan: a safety check cannot be made: users[bob].secure_token"
          + " not understood");
    });
  }

  @Test
  void aHostThatIsNotAMac_isAFailedPlanWithItsKind() {
    HostFacts notMac = HostFacts.failed(io.trustchain.facts.HostErrorKind.NOT_A_MAC,
        "not a Mac: it has no sw_vers (sh: 1: sw_vers: not found)", List.of());
    HostPlan plan = planner.plan("box", notMac, "", List.of(bound(ProbeModule.Params.named("a"), 1)), List.of());

    assertThat(plan.error()).contains("box is not a Mac: it has no sw_vers (sh: 1: sw_vers: not found)");
    assertThat(plan.errorKind()).contains(io.trustchain.facts.HostErrorKind.NOT_A_MAC);
    assertThat(plan.ok()).isFalse();
  }
}
