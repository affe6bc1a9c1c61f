package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trustchain report --format html} over a 6-Mac lab, opened in a real headless Chromium (Debian's
 * package): the page's script runs, the counts at a glance match the facts, a host's row says what its
 * facts say, the filter hides the other rows, a screenshot is taken, and no lab secret is in the page.
 */
class ReportHtmlChromiumTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void aSixMacReportRendersInChromiumWithTheFleetsCountsAndRows() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    groups.put("engineering", Map.of("mac-ventura", "ventura-arm.yml"));
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-catalina", "catalina-intel.yml");
    design.put("mac-sequoia", "sequoia-arm.yml");
    groups.put("design", design);
    groups.put("personal", Map.of("mac-tahoe", "tahoe-arm.yml"));
    groups.put("provisioned", Map.of("mac-fresh", "enrolled-supervised.yml"));
    groups.put("headless", Map.of("mac-headless", "headless.yml"));
    LabWorkspace ws = LabWorkspace.create(dir.resolve("ws"), groups);

    LabWorkspace.Result plan = ws.run("plan", "--report-json", "plan.json",
        LabWorkspace.REPO.resolve("playbooks/site.yml").toString());
    assertThat(plan.code()).as(plan.toString()).isZero();
    LabWorkspace.Result facts = ws.run("facts", "--format", "json");
    assertThat(facts.code()).as(facts.toString()).isZero();
    LabWorkspace.Result report = ws.run("report", "--format", "html", "-i", "inventory/lab.yml", "--from", "plan.json",
        "--out", "report.html");
    assertThat(report.code()).as(report.toString()).isZero();
    Path html = ws.dir.resolve("report.html");
    String page = Files.readString(html);
    assertThat(page).doesNotContain("http://", "https://").as("self-contained: no network");
    for (String secret : List.of("alice", "bob", "ladmin", "olduser", "svc-backup", "tcadmin", "vault-password")) {
      assertThat(page).as("the %s secret", secret).doesNotContain(LabWorkspace.secret(secret));
    }

    // what the facts say, to compare the page with
    JsonNode hosts = new ObjectMapper().readTree(facts.out()).get("hosts");
    assertThat(hosts.size()).isEqualTo(6);
    int on = 0;
    int holders = 0;
    for (JsonNode h : hosts) {
      on += "on".equals(h.at("/filevault/status").asText()) ? 1 : 0;
      for (JsonNode u : h.get("users")) {
        holders += u.get("secure_token").asBoolean() ? 1 : 0;
      }
    }
    int drifted = 0;
    int unmanaged = 0;
    for (JsonNode h : new ObjectMapper().readTree(ws.dir.resolve("plan.json").toFile()).get("hosts")) {
      unmanaged += h.path("unmanaged_tokens").size();
      boolean changes = false;
      for (JsonNode c : h.get("changes")) {
        changes |= !"pending".equals(c.get("action").asText());
      }
      drifted += changes ? 1 : 0;
    }

    String dom = chromium("--dump-dom", html.toUri() + "#sort=host");
    assertThat(dom).contains("data-ready=\"true\"");
    assertThat(text(dom, "count-hosts")).isEqualTo("6");
    assertThat(text(dom, "count-fv-on")).isEqualTo(Integer.toString(on));
    assertThat(text(dom, "token-holders")).isEqualTo(Integer.toString(holders));
    assertThat(text(dom, "count-drift")).isEqualTo(Integer.toString(drifted)).isNotEqualTo("0");
    assertThat(text(dom, "count-unmanaged")).isEqualTo(Integer.toString(unmanaged));
    assertThat(text(dom, "shown")).isEqualTo("6 of 6 Macs shown");
    String ventura = row(dom, "mac-ventura");
    assertThat(ventura).contains("macOS 13.6.7 (arm64)").contains(">on<").contains("escrowed");
    assertThat(rowOrder(dom)).as("sorted by host").isSorted();

    String filtered = chromium("--dump-dom", html.toUri() + "#q=catalina");
    assertThat(text(filtered, "shown")).isEqualTo("1 of 6 Macs shown");
    assertThat(row(filtered, "mac-catalina")).doesNotContain(" hidden");
    assertThat(row(filtered, "mac-ventura")).contains(" hidden");

    Path png = Files.createDirectories(LabWorkspace.REPO.resolve("tests/target")).resolve("report-screenshot.png");
    Files.deleteIfExists(png);
    chromium("--screenshot=" + png, "--window-size=1280,900", html.toUri().toString());
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--virtual-time-budget=5000",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 120 s: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out);
  }

  private static String text(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
    assertThat(m.find()).as("element #" + id).isTrue();
    return m.group(1).strip();
  }

  private static String row(String dom, String host) {
    int start = dom.indexOf("<tr id=\"host-" + host + "\"");
    assertThat(start).as("the row of " + host).isNotNegative();
    return dom.substring(start, dom.indexOf("</tr>", start));
  }

  private static List<String> rowOrder(String dom) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("<tr id=\"host-([^\"]+)\"").matcher(dom);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
