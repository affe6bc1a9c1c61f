package io.trustchain.planner;

import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Change;
import io.trustchain.plan.Action;
import static io.trustchain.plan.SamplePlans.SONOMA;
import static io.trustchain.plan.SamplePlans.TC_PW;
import static io.trustchain.plan.SamplePlans.facts;
import static io.trustchain.plan.SamplePlans.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.SourceRange;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.PlanValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final Credential TCADMIN = new Credential("tcadmin", TC_PW, SourceRange.of(Path.of("site.yml"), 3, 5));
  private static final HostFacts MAC = facts(SONOMA, user("tcadmin", 501, true, true), user("alice", 502, false, false));

  private final ProbeModule probe = new ProbeModule();
  private final Planner planner = new Planner();

  private BoundResource<?> bound(ProbeModule.Params params, int line) {
    return new BoundResource<>(ResourceAddress.of("probe", params.name()), probe, params, TCADMIN, "play",
        SourceRange.of(Path.of("playbooks/site.yml"), line, 7));
  }

  private List<String> planOrder(BoundResource<?>... resources) {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(resources), List.of());
    assertThat(plan.problems()).isEmpty();
    return plan.changes().stream().map(c -> c.address().name()).toList();
  }

  @Test
  void resourcesWithoutDependenciesKeepDocumentOrder() {
    assertThat(planOrder(bound(ProbeModule.Params.named("c"), 1), bound(ProbeModule.Params.named("a"), 2),
        bound(ProbeModule.Params.named("b"), 3))).containsExactly("c", "a", "b");
  }

  @Test
  void aResourceComesAfterWhatItDependsOnAndOthersKeepTheirPlace() {
    assertThat(planOrder(
        bound(ProbeModule.Params.named("fv").after("alice"), 1),
        bound(ProbeModule.Params.named("x"), 2),
        bound(ProbeModule.Params.named("alice"), 3),
        bound(ProbeModule.Params.named("y"), 4)))
        .containsExactly("x", "alice", "fv", "y");
  }

  @Test
  void dependenciesOnResourcesTheHostDoesNotHaveAreIgnored() {
    assertThat(planOrder(bound(ProbeModule.Params.named("a").after("ghost"), 1),
        bound(ProbeModule.Params.named("b"), 2))).containsExactly("a", "b");
  }

  @Test
  void aCycleIsOneProblemAtItsFirstResourceAndTheHostGetsNoChanges() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(
        bound(ProbeModule.Params.named("a").after("b"), 1),
        bound(ProbeModule.Params.named("b").after("a"), 2),
        bound(ProbeModule.Params.named("c"), 3)), List.of());

    assertThat(plan.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("dependency cycle: probe[a] -> probe[b] -> probe[a]");
      assertThat(p.address()).isEqualTo(ResourceAddress.of("probe", "a"));
      assertThat(p.at()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(1));
    });
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.ok()).isFalse();
  }

  @Test
  void aResourceDependingOnItselfIsACycle() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(bound(ProbeModule.Params.named("a").after("a"), 1)),
        List.of());
    assertThat(plan.problems()).extracting(PlanProblem::message)
        .containsExactly("dependency cycle: probe[a] -> probe[a]");
  }

  @Test
  void aLaterResourceSeesTheGrantOfAnEarlierOneButGatheredFactsStayAsRead() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(
        bound(ProbeModule.Params.named("first").granting("alice"), 1),
        bound(ProbeModule.Params.named("second").granting("alice"), 2)), List.of());

    assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.UPDATE, Action.NO_OP);
    ProbeModule.Seen second = probe.seen.get(1);
    assertThat(second.ctx().facts().user("alice").orElseThrow().secureToken()).isTrue();
    assertThat(second.ctx().gathered().user("alice").orElseThrow().secureToken()).isFalse();
    assertThat(second.ctx().credential()).isEqualTo(TCADMIN);
    assertThat(second.ctx().host()).isEqualTo("mac");
  }

  @Test
  void aPlanExceptionBecomesAProblemWithTheResourcePositionAndHint() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(
        bound(ProbeModule.Params.named("ok").granting("alice"), 3),
        bound(ProbeModule.Params.named("bad").failing("bad cannot be planned"), 14)), List.of());

    assertThat(plan.problems()).singleElement().satisfies(p -> {
      assertThat(p.address()).isEqualTo(ResourceAddress.of("probe", "bad"));
      assertThat(p.message()).isEqualTo("bad cannot be planned");
      assertThat(p.hint()).contains("do something else");
      assertThat(p.at()).contains(SourceRange.of(Path.of("playbooks/site.yml"), 14, 7));
    });
    assertThat(plan.changes()).as("a host with problems gets no changes").isEmpty();
  }

  @Test
  void validatorsSeeGatheredAndProjectedFactsTheCredentialAndTheChanges() {
    List<Object[]> calls = new ArrayList<>();
    PlanValidator recording = (gathered, projected, credential, changes) -> {
      calls.add(new Object[] {gathered, projected, credential, changes});
      return List.of();
    };
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(bound(ProbeModule.Params.named("g").granting("alice"), 1)),
        List.of(recording));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call[0]).isEqualTo(MAC);
      assertThat(((HostFacts) call[1]).user("alice").orElseThrow().secureToken()).isTrue();
      assertThat(call[2]).isEqualTo(TCADMIN);
      assertThat(call[3]).isEqualTo(plan.changes());
    });
    assertThat(plan.ok()).isTrue();
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.os()).contains(SONOMA);
    assertThat(plan.factsDigest()).isEqualTo("d");
  }

  @Test
  void aValidatorProblemRemovesEveryChangeOfTheHost() {
    PlanValidator refusing = (g, p, c, changes) ->
        List.of(PlanProblem.of(ResourceAddress.of("credential", c.user()), "tcadmin is not an admin", null));
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(bound(ProbeModule.Params.named("g").granting("alice"), 1)),
        List.of(refusing));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.problems()).extracting(PlanProblem::message).containsExactly("tcadmin is not an admin");
  }

  @Test
  void validatorsRunOncePerDistinctCredential() {
    List<String> users = new ArrayList<>();
    PlanValidator recording = (g, p, c, changes) -> {
      users.add(c.user());
      return List.of();
    };
    Credential sameAgain = new Credential("tcadmin", TC_PW, SourceRange.of(Path.of("other.yml"), 2, 3));
    Credential other = new Credential("ladmin", new SecretRef.Env("LADMIN_PW"), null);
    List<BoundResource<?>> resources = List.of(bound(ProbeModule.Params.named("a"), 1),
        new BoundResource<>(ResourceAddress.of("probe", "b"), probe, ProbeModule.Params.named("b"), sameAgain, "p2", null),
        new BoundResource<>(ResourceAddress.of("probe", "c"), probe, ProbeModule.Params.named("c"), other, "p3", null));

    planner.plan("mac", MAC, "d", resources, List.of(recording));

    assertThat(users).containsExactly("tcadmin", "ladmin");
  }

  @Test
  void anUnreachableHostIsAFailedPlanThatSaysWhy() {
    HostPlan plan = planner.plan("mac-offline", HostFacts.unreachable(io.trustchain.facts.HostErrorKind.UNREACHABLE, "connection refused"), "",
        List.of(bound(ProbeModule.Params.named("a"), 1)), List.of());

    assertThat(plan.error()).contains("cannot reach mac-offline: connection refused");
    assertThat(plan.ok()).isFalse();
    assertThat(plan.changes()).isEmpty();
    assertThat(probe.seen).isEmpty();
  }

  @Test
  void theSameAddressWithDifferentParametersIsAProblem() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(
        bound(ProbeModule.Params.named("a"), 3),
        bound(ProbeModule.Params.named("a").granting("alice"), 14)), List.of());

    assertThat(plan.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo(
          "probe[a] is declared twice for this host with different parameters (first at playbooks/site.yml:3:7)");
      assertThat(p.at()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(14));
    });
  }

  @Test
  void theSameAddressWithEqualParametersIsFine() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(
        bound(ProbeModule.Params.named("a").granting("alice"), 3),
        bound(ProbeModule.Params.named("a").granting("alice"), 14)), List.of());

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.UPDATE, Action.NO_OP);
  }

  @Test
  void needsIsTheUnionOfModuleNeedsAndTheCredentialsUsers_butNotTheirPasswords() {
    SecretRef alicePw = new SecretRef.Env("ALICE_PW");
    FactsRequest needs = planner.needs(List.of(
        bound(ProbeModule.Params.named("alice").checking(alicePw), 1),
        bound(ProbeModule.Params.named("tcadmin").checking(new SecretRef.Env("SHADOWED")), 2),
        bound(ProbeModule.Params.named("bob"), 3)));

    assertThat(needs.namedUsers()).containsExactlyInAnyOrder("tcadmin", "alice", "bob");
    assertThat(needs.passwordsToCheck()).as("the credential's password is tried by apply, not by the facts")
        .isEqualTo(Map.of("tcadmin", new SecretRef.Env("SHADOWED"), "alice", alicePw));
  }

  @Test
  void noResourcesIsAnEmptyPlan() {
    HostPlan plan = planner.plan("mac", MAC, "d", List.of(), List.of((g, p, c, ch) -> {
      throw new AssertionError("no credential, no validation");
    }));
    assertThat(plan).isEqualTo(new HostPlan("mac", Optional.of(SONOMA), Optional.empty(), "d", List.of(), List.of())
        .withTokens(plan.tokens()));
    assertThat(plan.tokens().unmanaged()).as("nothing manages tcadmin, the token holder")
        .extracting(io.trustchain.plan.UnmanagedToken::user).containsExactly("tcadmin");
  }
}
