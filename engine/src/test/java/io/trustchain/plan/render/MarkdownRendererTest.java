package io.trustchain.plan.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.SamplePlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private static final Plan FLEET = SamplePlans.fleet();

  @Test
  void aCommentWithAMarkerASummaryLineAndAnOpenDiffBlockPerHost() {
    String md = MarkdownRenderer.standard("trustchain plan").render(SamplePlans.plan(FLEET.hosts().get(0)));
    assertThat(md).isEqualTo("""
        <!-- trustchain-plan -->
        ### trustchain plan

        **Plan: 1 to add, 1 to change, 1 to remove, 0 pending** (1 of 1 host change).

        <details open><summary><b>mac-catalina</b> (Mac OS X 10.15.7, x86_64): 1 to add, 1 to change, 1 to remove</summary>

        ```diff
        + user[alice] will be created
            admin: false
            full_name: "Alice Appleseed"
            name: "alice"
            password: (sensitive value)
            secure_token: true
            state: "present"
            # alice does not exist; created with the credential tcadmin, so it gets a Secure Token
        ! user[bob] will be changed
            admin: false -> true
            shell: "/bin/bash" -> "/bin/zsh"
            # bob becomes an admin; shell differs
        - user[olduser] will be removed
            # olduser exists and the document says absent; its home folder is kept
        ```

        </details>
        """);
  }

  @Test
  void hostsWithErrorsAreNamedInTheSummaryAndShowTheirErrors() {
    String md = MarkdownRenderer.standard("t").render(FLEET);
    assertThat(md).contains(":warning: 2 hosts have errors and will not be changed: mac-ventura, mac-offline.")
        .contains("<summary><b>mac-offline</b>: cannot be planned</summary>")
        .contains("error: cannot reach mac-offline: connection refused")
        .contains("<summary><b>mac-ventura</b> (macOS 13.6.1, arm64): 2 errors, not changed</summary>")
        .contains("error: user[alice]: alice's password does not authenticate (dscl . -authonly) (playbooks/site.yml:14:9)")
        .contains("  hint: check the secret file:secrets/alice");
  }

  @Test
  void anOverdueDeferralIsDrift_inTheMarkdownAndInTheTerminal() {
    Change overdue = new Change.Pending(io.trustchain.plan.ResourceAddress.of("filevault", "main"),
        SamplePlans.attrs("enabled", false), SamplePlans.attrs("enabled", true),
        "drift: the deferred FileVault enablement for alice has waited 45 days", true);
    HostPlan host = new HostPlan("mac-a", Optional.of(SamplePlans.SONOMA), Optional.empty(), "d", List.of(overdue),
        List.of());
    io.trustchain.plan.Plan plan = SamplePlans.plan(host);
    assertThat(plan.hasDrift()).isTrue();
    assertThat(plan.hasChanges()).isFalse();
    assertThat(MarkdownRenderer.standard("t").render(plan))
        .contains("**Drift:** nothing to change, but 1 pending change is overdue")
        .contains("- filevault[main] has drifted (overdue)");
    assertThat(HumanRenderer.plain().render(plan))
        .contains("! filevault[main] has drifted (overdue)")
        .contains("Drift: nothing to change, but 1 pending change is overdue");
  }

  @Test
  void nothingToDoSaysSo() {
    HostPlan quiet = new HostPlan("mac-a", Optional.of(SamplePlans.SONOMA), Optional.empty(), "d",
        FLEET.hosts().get(1).changes().stream().filter(c -> c instanceof Change.NoOp).toList(), List.of());
    assertThat(MarkdownRenderer.standard("t").render(SamplePlans.plan(quiet, quiet)))
        .isEqualTo("<!-- trustchain-plan -->\n### t\n\n**No changes.** All 2 hosts match the desired state.\n");
    assertThat(MarkdownRenderer.standard("t").render(SamplePlans.plan()))
        .isEqualTo("<!-- trustchain-plan -->\n### t\n\n**No hosts** in this selection: nothing to plan.\n");
  }

  @Test
  void bigFleetsAreFoldedAndAnOverlongCommentCountsWhatItLeavesOut() {
    HostPlan template = FLEET.hosts().get(0);
    List<HostPlan> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(new HostPlan("mac-" + i, template.os(), Optional.empty(), "d", template.changes(), List.of()));
    }
    Plan big = SamplePlans.plan(many.toArray(HostPlan[]::new));
    String folded = MarkdownRenderer.standard("t").render(big);
    assertThat(folded).contains("<details><summary><b>mac-0</b>").doesNotContain("<details open>")
        .contains("(40 of 40 hosts change)");
    String cut = new MarkdownRenderer("t", 5, 3000).render(big);
    assertThat(cut.length()).isLessThanOrEqualTo(3000 + 200);
    assertThat(cut).containsPattern("_… and \\d+ more hosts not shown here \\(the comment would be too long\\)")
        .doesNotContain("mac-39");
  }

  @Test
  void hostNamesAreEscapedAndFencesOutgrowBackticksInReasons() {
    HostPlan odd = new HostPlan("mac-<b>", Optional.empty(), Optional.of("tool said ```boom```"), "", List.of(), List.of());
    String md = MarkdownRenderer.standard("t").render(SamplePlans.plan(odd));
    assertThat(md).contains("<summary><b>mac-&lt;b&gt;</b>").contains("````diff\nerror: tool said ```boom```\n````");
  }
}
