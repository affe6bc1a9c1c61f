package io.trustchain.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.SamplePlans;
import io.trustchain.plan.TokenReport;
import io.trustchain.plan.UnmanagedToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden renders (colours off) under src/test/resources/plan/render/. */
class HumanRendererTest {

  private static final Plan FLEET = SamplePlans.fleet();

  private static String golden(String name) throws IOException {
    try (InputStream in = HumanRendererTest.class.getResourceAsStream("/plan/render/" + name + ".txt")) {
      assertThat(in).as("golden file %s.txt", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HostPlan host(int index) {
    return FLEET.hosts().get(index);
  }

  private static HostPlan only(HostPlan host, Class<? extends Change> kind) {
    return new HostPlan(host.host(), host.os(), host.error(), host.factsDigest(),
        host.changes().stream().filter(kind::isInstance).toList(), host.problems());
  }

  @Test
  void changesOnSeveralHostsWithProblemsAndAnUnreachableHost() throws IOException {
    assertThat(HumanRenderer.plain().render(FLEET)).isEqualTo(golden("fleet"));
  }

  @Test
  void verboseShowsEachChangesCommandsWithSecretsMasked() throws IOException {
    Plan plan = SamplePlans.plan(host(0), host(1));
    assertThat(new HumanRenderer(false, true).render(plan)).isEqualTo(golden("changes-verbose"));
  }

  @Test
  void noChanges() throws IOException {
    Plan plan = SamplePlans.plan(only(host(1), Change.NoOp.class),
        new HostPlan("mac-empty", Optional.of(SamplePlans.CATALINA), Optional.empty(), "d", List.of(), List.of()));
    assertThat(HumanRenderer.plain().render(plan)).isEqualTo(golden("no-changes"));
  }

  @Test
  void unmanagedAndMixedTokensAreWarnings_evenWithoutChanges() throws IOException {
    HostPlan a = new HostPlan("mac-a", Optional.of(SamplePlans.SONOMA), Optional.empty(), "d", List.of(), List.of(),
        new TokenReport(List.of(new UnmanagedToken("carol", true, true, true)), Map.of("alice", true)));
    HostPlan b = new HostPlan("mac-b", Optional.of(SamplePlans.CATALINA), Optional.empty(), "d", List.of(), List.of(),
        new TokenReport(List.of(), Map.of("alice", false)));
    assertThat(HumanRenderer.plain().render(SamplePlans.plan(a, b))).isEqualTo(golden("token-warnings"));
  }

  @Test
  void pendingOnly() throws IOException {
    assertThat(HumanRenderer.plain().render(SamplePlans.plan(host(1)))).isEqualTo(golden("pending-only"));
  }

  @Test
  void problems() throws IOException {
    assertThat(HumanRenderer.plain().render(SamplePlans.plan(SamplePlans.withProblems())))
        .isEqualTo(golden("problems"));
  }

  @Test
  void unreachableHost() throws IOException {
    HostPlan bobOnly = new HostPlan("mac-sonoma", Optional.of(SamplePlans.SONOMA), Optional.empty(), "d",
        List.of(host(0).changes().get(1)), List.of());
    assertThat(HumanRenderer.plain().render(SamplePlans.plan(bobOnly, SamplePlans.unreachable())))
        .isEqualTo(golden("unreachable"));
  }

  @Test
  void coloursOnlyWhenEnabled() {
    String coloured = new HumanRenderer(true, false).render(FLEET);

    assertThat(coloured).contains("\u001b[1mmac-catalina (Mac OS X 10.15.7, x86_64)\u001b[0m")
        .contains("\u001b[32m+\u001b[0m user[alice]", "\u001b[33m~\u001b[0m user[bob]",
            "\u001b[31m-\u001b[0m user[olduser]", "\u001b[36m…\u001b[0m user[carol]", "\u001b[1;31merror:\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(HumanRenderer.plain().render(FLEET));
    assertThat(HumanRenderer.plain().render(FLEET)).doesNotContain("\u001b");
  }
}
