package io.trustchain.macos.safety;

import static io.trustchain.macos.Fixtures.AT;
import static io.trustchain.macos.Fixtures.TCADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.macos.user.UserModule;
import io.trustchain.macos.user.UserParams;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.WayIn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants 2 and 7 where the documents alone break them: validate errors at the resource, no facts needed. */
class WayInDocumentsTest {

  private final WayInDocuments check = new WayInDocuments();
  private static final WayIn VIA_LADMIN = new WayIn("ladmin", false);

  private static BoundResource<?> user(UserParams p) {
    return new BoundResource<>(ResourceAddress.of("user", p.name()), new UserModule(), p, TCADMIN, "play", AT);
  }

  private static UserParams params(String name, UserParams.State state, Boolean admin, String shell, Boolean token) {
    return new UserParams(name, state, null, admin, null, shell, null, null, token, null);
  }

  private List<PlanProblem> validate(WayIn wayIn, UserParams p) {
    return check.validate("mac-a", wayIn, List.of(user(p)));
  }

  @Test
  void theConnectionAccount_cannotBeRemovedDemotedOrGivenANoLoginShell_withoutTheOptIn() {
    assertThat(validate(VIA_LADMIN, UserParams.absent("ladmin"))).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("remove the account of ladmin, the account trustchain connects to mac-a as")
          .contains("safety invariant 7 (the way in)");
      assertThat(p.at()).contains(AT);
    });
    assertThat(validate(VIA_LADMIN, params("ladmin", null, false, null, null))).hasSize(1);
    assertThat(validate(VIA_LADMIN, params("ladmin", null, null, "/usr/bin/false", null))).hasSize(1);
    assertThat(validate(VIA_LADMIN, params("ladmin", null, true, "/bin/zsh", null))).isEmpty();
    assertThat(validate(new WayIn("ladmin", true), UserParams.absent("ladmin"))).as("opted in").isEmpty();
    assertThat(validate(VIA_LADMIN, UserParams.absent("olduser"))).isEmpty();
  }

  @Test
  void theManagementCredential_isNeverRemovedDemotedOrUntokened_evenWithTheOptIn() {
    WayIn optedIn = new WayIn("tcadmin", true);
    assertThat(validate(optedIn, UserParams.absent("tcadmin"))).singleElement().extracting(PlanProblem::message)
        .asString().contains("the management credential of its play").contains("safety invariant 2");
    assertThat(validate(VIA_LADMIN, params("tcadmin", null, null, null, false))).singleElement()
        .extracting(PlanProblem::message).asString().contains("take its Secure Token");
    assertThat(validate(VIA_LADMIN, params("tcadmin", null, true, null, true))).isEmpty();
  }
}
