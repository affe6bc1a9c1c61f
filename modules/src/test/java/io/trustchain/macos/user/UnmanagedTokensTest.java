package io.trustchain.macos.user;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.HostFacts;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.MixedTokens;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.planner.Planner;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token holders no document manages, and managed accounts whose token differs across the fleet (issue 9). */
class UnmanagedTokensTest {

  private final UserModule module = new UserModule();
  private final Planner planner = new Planner();

  private BoundResource<?> bound(UserParams p) {
    return new BoundResource<>(ResourceAddress.of("user", p.name()), module, p, TCADMIN, "play", null);
  }

  private HostPlan plan(String host, HostFacts facts, UserParams... users) {
    List<BoundResource<?>> resources = java.util.Arrays.stream(users).map(this::bound).toList();
    return planner.plan(host, facts, "d", resources, List.of());
  }

  @Test
  void aTokenHolderNoDocumentNames_isUnmanaged_theCredentialAndManagedUsersAreNot() {
    HostFacts facts = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("alice", 502, false, true, true, null), user("carol", 503, true, true, true, null),
        user("dave", 504, false, false, false, null));
    HostPlan plan = plan("mac-a", facts, UserParams.present("alice"));
    assertThat(plan.tokens().unmanaged()).containsExactly(new UnmanagedToken("carol", true, true, false));
    assertThat(plan.tokens().unmanaged().get(0)).hasToString("carol (admin, volume owner)");
    assertThat(plan.tokens().undeclared()).as("alice is managed without secure_token")
        .isEqualTo(Map.of("alice", true));
  }

  @Test
  void anAccountTheDocumentRemoves_orWhoseTokenItDeclares_isManaged() {
    HostFacts facts = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("carol", 503, true, true, true, null), user("erin", 505, false, true, true, true));
    HostPlan plan = plan("mac-a", facts, UserParams.absent("carol"),
        new UserParams("erin", null, null, null, null, null, null, new SecretRef.Env("E"), true, null));
    assertThat(plan.tokens().unmanaged()).isEmpty();
    assertThat(plan.tokens().undeclared()).isEmpty();
  }

  @Test
  void aManagedAccountHoldingATokenOnSomeHostsOnly_isMixedAcrossTheFleet() {
    HostPlan a = plan("mac-a", mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("alice", 502, false, true, true, null)), UserParams.present("alice"));
    HostPlan b = plan("mac-b", mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("alice", 502, false, false, false, null)), UserParams.present("alice"));
    HostPlan c = plan("mac-c", mac("sequoia-arm", user("tcadmin", 501, true, true, true, true),
        user("alice", 502, false, true, true, null)), UserParams.present("alice"));
    assertThat(MixedTokens.of(List.of(a, b, c))).containsExactly(
        new MixedTokens("alice", List.of("mac-a", "mac-c"), List.of("mac-b")));
    assertThat(MixedTokens.of(List.of(a, c))).isEmpty();
    assertThat(MixedTokens.of(List.of(a, b)).get(0))
        .hasToString("alice holds a Secure Token on mac-a but not on mac-b");
  }
}
