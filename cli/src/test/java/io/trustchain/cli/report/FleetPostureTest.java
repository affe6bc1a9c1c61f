package io.trustchain.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Inputs of three kinds merge by host; the page escapes what they carry and counts what they say. */
class FleetPostureTest {

  private static final String FACTS = """
      {"format_version": 1, "hosts": {
        "mac-a": {"reachable": true, "error": null, "os": {"product_name": "macOS", "version": "14.7.1", "build": "x", "arch": "arm64"},
          "users": [{"name": "alice", "secure_token": true}, {"name": "bob", "secure_token": false}],
          "filevault": {"status": "off", "progress_percent": null, "deferral": {"user": "alice", "age_days": 3}},
          "bootstrap_token": {"supported": true, "escrowed": true},
          "escrow": {"items": {"personal_recovery_key": {"age_days": 12}}}},
        "<b>evil</b>": {"reachable": false, "error": "connection refused <script>", "os": null, "users": []}}}
      """;
  private static final String PLAN = """
      {"format_version": 1, "documents_digest": "d", "hosts": [
        {"host": "mac-a", "os": null, "error": null, "facts_digest": "f", "changes": [
          {"address": "user[bob]", "action": "update"}, {"address": "user[carol]", "action": "pending"},
          {"address": "filevault[main]", "action": "pending", "overdue": true}], "problems": [],
         "unmanaged_tokens": [{"user": "dave", "admin": true, "volume_owner": true, "unlocks_filevault": false}]}]}
      """;
  private static final String APPLY = """
      {"format_version": 1, "engine_version": "v", "hosts": [{"host": "mac-a", "status": "not_converged", "error": null,
        "changes": [], "not_converged": [{"address": "user[bob]", "reason": "bob has no Secure Token"}], "pending": []}]}
      """;

  @Test
  void factsPlansAndApplyReportsMergeByHost() throws IOException {
    FleetPosture fleet = new FleetPosture();
    fleet.add("facts.json", FACTS);
    fleet.add("plan.json", PLAN);
    fleet.add("apply.json", APPLY);
    List<HostPosture> hosts = fleet.hosts();
    assertThat(hosts).extracting(HostPosture::host).containsExactly("mac-a", "<b>evil</b>");
    HostPosture a = hosts.get(0);
    assertThat(a.fileVault()).contains("deferred");
    assertThat(a.withoutToken()).containsExactly("bob");
    assertThat(a.escrowAgeDays()).contains(12L);
    assertThat(a.drift()).as("update + overdue pending").contains(2);
    assertThat(a.pending()).contains(1);
    assertThat(a.applyStatus()).contains("not_converged");
    assertThat(a.unmanagedTokenHolders()).contains(List.of("dave"));
    assertThat(hosts.get(1).unmanagedTokenHolders()).as("no input said").isEmpty();
    assertThat(a.problems()).containsExactly("user[bob] did not converge: bob has no Secure Token");
    assertThat(hosts.get(1).reachable()).isFalse();
    assertThat(hosts.get(1).problems()).containsExactly("connection refused <script>");
    assertThat(hosts.get(1).drift()).isEqualTo(Optional.empty());
  }

  @Test
  void thePageEscapesEverythingAndCountsStates() throws IOException {
    FleetPosture fleet = new FleetPosture();
    fleet.add("facts.json", FACTS);
    String html = PostureHtml.render("Fleet <1>", Instant.EPOCH, List.of("facts.json"), fleet.hosts());
    assertThat(html).contains("<title>Fleet &lt;1&gt;</title>").contains("&lt;b&gt;evil&lt;/b&gt;")
        .contains("connection refused &lt;script&gt;").doesNotContain("<b>evil</b>").doesNotContain("refused <script>")
        .contains("id=\"count-fv-deferred\">1<").contains("id=\"count-hosts\">2<").contains("id=\"count-escrow\">12 d<")
        .doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void aDocumentOfAnotherKindIsNamed() {
    FleetPosture fleet = new FleetPosture();
    assertThatThrownBy(() -> fleet.add("x.json", "{\"hosts\": 3}"))
        .hasMessage("x.json: neither facts (facts --format json), a saved plan (plan --out, --report-json) nor an apply"
            + " report (apply --report-json)");
    assertThatThrownBy(() -> fleet.add("y.json", "{nope")).hasMessageStartingWith("y.json: not JSON (");
  }
}
