package io.trustchain.macos.user;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.macos.Fixtures;
import io.trustchain.macos.credential.CredentialFitness;
import io.trustchain.macos.credential.CredentialUnchanged;
import io.trustchain.macos.safety.TokenAdminInvariant;
import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanException;
import io.trustchain.planner.Planner;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.ParamProblem;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.PlanValidator;
import io.trustchain.spi.ResourceModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserModuleTest {

  private static final SecretRef ALICE_PW = new SecretRef.Env("ALICE_PW");
  private static final List<PlanValidator> VALIDATORS =
      List.of(new CredentialFitness(), new CredentialUnchanged(), new TokenAdminInvariant());

  private final UserModule module = new UserModule();

  private static UserParams alice(Boolean token, SecretRef password) {
    return new UserParams("alice", null, null, null, null, null, null, password, token, null);
  }

  @Test
  void defaultsArePresentAndKeepTheHome() {
    UserParams p = UserParams.present("alice");
    assertThat(p.state()).isEqualTo(UserParams.State.PRESENT);
    assertThat(p.removeHome()).isFalse();
    assertThat(UserParams.absent("bob").state()).hasToString("absent");
    assertThat(module.name()).isEqualTo("user");
    assertThat(module.resourceName(p)).isEqualTo("alice");
  }

  @Test
  void checkReportsEveryBadParameterByName() {
    UserParams p = new UserParams("al ice", UserParams.State.ABSENT, "Alice", true, null, "zsh", -3, ALICE_PW,
        true, null);
    assertThat(module.check(p)).extracting(ParamProblem::param)
        .containsExactly("name", "full_name", "admin", "shell", "uid", "password", "secure_token", "uid", "shell");
    assertThat(module.check(new UserParams("bob", null, null, null, null, null, null, null, null, true)))
        .extracting(ParamProblem::message).containsExactly("remove_home applies only with state: absent");
    assertThat(module.check(UserParams.present("_svc.build-1"))).isEmpty();
  }

  @Test
  void needsTheAccount_neverItsPassword() {
    assertThat(module.needs(alice(true, ALICE_PW))).as("a password is tried by the change that uses it, not the facts")
        .isEqualTo(new FactsRequest(Set.of("alice"), Map.of()));
    assertThat(module.needs(UserParams.absent("bob"))).isEqualTo(new FactsRequest(Set.of("bob"), Map.of()));
  }

  @Test
  void noPasswordIsCheckedWhileReadingFacts_notEvenTheCredentials() {
    BoundResource<UserParams> r = new BoundResource<>(ResourceAddress.of("user", "tcadmin"), module,
        new UserParams("tcadmin", null, null, null, null, null, null, ALICE_PW, null, null), TCADMIN, "p", Fixtures.AT);
    assertThat(new Planner().needs(List.of(r)).passwordsToCheck()).isEmpty();
    assertThat(new Planner().needs(List.of(r)).namedUsers()).containsExactly("tcadmin");
  }

  /** A later resource that needs alice's token (as a FileVault unlock user would). */
  static final class NeedsToken implements ResourceModule<NeedsToken.Params> {
    record Params(String user) {}

    final List<Boolean> sawToken = new ArrayList<>();

    @Override
    public String name() {
      return "needs_token";
    }

    @Override
    public Class<Params> paramsType() {
      return Params.class;
    }

    @Override
    public String resourceName(Params p) {
      return p.user();
    }

    @Override
    public List<ResourceAddress> dependsOn(Params p) {
      return List.of(ResourceAddress.of("user", p.user()));
    }

    @Override
    public Change plan(ResourceAddress address, Params p, PlanContext ctx) throws PlanException {
      boolean token = ctx.facts().user(p.user()).map(u -> u.secureToken()).orElse(false);
      sawToken.add(token);
      if (!token) {
        throw new PlanException(p.user() + " has no Secure Token");
      }
      return new Change.NoOp(address, io.trustchain.plan.Attributes.EMPTY, "ok");
    }
  }

  @Test
  void aResourceWrittenBeforeTheUserIsPlannedAfterItAndSeesTheGrant() {
    NeedsToken later = new NeedsToken();
    HostFacts gathered = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("alice", 502, false, false, false, true));
    List<BoundResource<?>> resources = List.of(
        new BoundResource<>(ResourceAddress.of("needs_token", "alice"), later, new NeedsToken.Params("alice"), TCADMIN,
            "p", Fixtures.AT),
        new BoundResource<>(ResourceAddress.of("user", "alice"), module, alice(true, ALICE_PW), TCADMIN, "p",
            Fixtures.AT));

    HostPlan plan = new Planner().plan("mac", gathered, "d", resources, VALIDATORS);

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.changes()).extracting(c -> c.address().toString(), Change::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("user[alice]", Action.UPDATE),
            org.assertj.core.groups.Tuple.tuple("needs_token[alice]", Action.NO_OP));
    assertThat(later.sawToken).containsExactly(true);
  }

  @Test
  void aPendingGrantIsNotSeenAsATokenByLaterResources() {
    NeedsToken later = new NeedsToken();
    HostFacts gathered = new HostFacts(true, null, Fixtures.OS.get("sequoia-arm"),
        List.of(user("tcadmin", 501, true, true, true, true), user("alice", 502, false, false, false, null)), null,
        new io.trustchain.facts.BootstrapTokenFacts(true, true), null, null);
    List<BoundResource<?>> resources = List.of(
        new BoundResource<>(ResourceAddress.of("user", "alice"), module, alice(true, null), TCADMIN, "p", Fixtures.AT),
        new BoundResource<>(ResourceAddress.of("needs_token", "alice"), later, new NeedsToken.Params("alice"), TCADMIN,
            "p", Fixtures.AT));

    HostPlan plan = new Planner().plan("mac", gathered, "d", resources, VALIDATORS);

    assertThat(later.sawToken).containsExactly(false);
    assertThat(plan.problems()).extracting(p -> p.message()).containsExactly("alice has no Secure Token");
  }

  @Test
  void aCreatedUserIsSeenByLaterResourcesWithItsToken() {
    NeedsToken later = new NeedsToken();
    HostFacts gathered = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true));
    List<BoundResource<?>> resources = List.of(
        new BoundResource<>(ResourceAddress.of("user", "alice"), module, alice(null, ALICE_PW), TCADMIN, "p", Fixtures.AT),
        new BoundResource<>(ResourceAddress.of("needs_token", "alice"), later, new NeedsToken.Params("alice"), TCADMIN,
            "p", Fixtures.AT));

    HostPlan plan = new Planner().plan("mac", gathered, "d", resources, VALIDATORS);

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.changes().get(0).action()).isEqualTo(Action.CREATE);
    assertThat(later.sawToken).containsExactly(true);
  }
}
