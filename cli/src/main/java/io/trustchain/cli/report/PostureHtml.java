package io.trustchain.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet's posture as one self-contained HTML page: inline CSS, SVG and script, no request to any
 * network (it works as a CI artifact opened from disk). At a glance: FileVault states, Secure Token
 * coverage, Bootstrap Token escrow, recovery-key escrow age, drift, unmanaged token holders and
 * problems; then a per-host table that sorts by any column and filters by text and FileVault state.
 * Every value from the inputs is escaped.
 */
public final class PostureHtml {

  private static final String[] FV_STATES = {"on", "encrypting", "deferred", "decrypting", "off"};
  private static final Map<String, String> FV_COLORS = Map.of("on", "#2e7d32", "encrypting", "#66bb6a",
      "deferred", "#f9a825", "decrypting", "#ef6c00", "off", "#c62828");

  private PostureHtml() {}

  public static String render(String title, Instant generated, List<String> sources, List<HostPosture> hosts) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
        .append(" script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(resource("report.css"))
        .append("</style></head>\n<body>\n<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">")
        .append(hosts.size()).append(hosts.size() == 1 ? " Mac" : " Macs").append(" · generated ")
        .append(esc(generated.toString())).append(" · from ").append(esc(String.join(", ", sources)))
        .append("</p></header>\n<main>\n");
    glance(h, hosts);
    table(h, hosts);
    h.append("</main>\n<script>").append(resource("report.js")).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static void glance(StringBuilder h, List<HostPosture> hosts) {
    long reachable = hosts.stream().filter(HostPosture::reachable).count();
    h.append("<section class=\"glance\" aria-label=\"Fleet at a glance\">\n");
    card(h, "hosts", "Macs", Long.toString(hosts.size()), reachable + " reachable");

    Map<String, Integer> fv = new LinkedHashMap<>();
    for (String s : FV_STATES) {
      fv.put(s, 0);
    }
    hosts.forEach(x -> x.fileVault().ifPresent(s -> fv.merge(s, 1, Integer::sum)));
    h.append("<div class=\"card wide\" id=\"card-filevault\"><h2>FileVault</h2><div class=\"donut-row\">")
        .append(donut(fv)).append("<ul class=\"legend\">");
    fv.forEach((state, n) -> h.append("<li><span class=\"swatch\" style=\"background:").append(color(state))
        .append("\"></span>").append(state).append(" <b id=\"count-fv-").append(state).append("\">").append(n)
        .append("</b></li>"));
    h.append("</ul></div></div>\n");

    int users = hosts.stream().mapToInt(x -> x.users().size()).sum();
    int holders = hosts.stream().mapToInt(x -> x.tokenHolders().size()).sum();
    long full = hosts.stream().filter(x -> !x.users().isEmpty() && x.withoutToken().isEmpty()).count();
    int pct = users == 0 ? 0 : Math.round(100f * holders / users);
    h.append("<div class=\"card\" id=\"card-tokens\"><h2>Secure Token coverage</h2><p class=\"big\"><span id=\"token-pct\">")
        .append(pct).append("</span>%</p><div class=\"bar\"><span style=\"width:").append(pct)
        .append("%\"></span></div><p class=\"sub\"><span id=\"token-holders\">").append(holders).append("</span> of ")
        .append(users).append(" users hold a token; ").append(full).append(" Macs fully covered</p></div>\n");

    long escrowed = hosts.stream().filter(x -> x.bootstrapEscrowed().orElse(false)).count();
    long supported = hosts.stream().filter(x -> x.bootstrapSupported().orElse(false)).count();
    card(h, "bootstrap", "Bootstrap Token escrowed", Long.toString(escrowed), "of " + supported + " Macs that support it");

    List<Long> ages = hosts.stream().flatMap(x -> x.escrowAgeDays().stream()).toList();
    card(h, "escrow", "Recovery key escrow", ages.isEmpty() ? "—" : ages.stream().mapToLong(Long::longValue).max()
        .getAsLong() + " d", ages.isEmpty() ? "no escrow facts in these inputs" : "oldest of " + ages.size() + " escrowed keys");

    boolean planned = hosts.stream().anyMatch(x -> x.drift().isPresent());
    long drifted = hosts.stream().filter(x -> x.drift().orElse(0) > 0).count();
    card(h, "drift", "Drift", planned ? Long.toString(drifted) : "—",
        planned ? "Macs whose plan has changes" : "no plan in these inputs (add plan --report-json)");

    boolean knowsUnmanaged = hosts.stream().anyMatch(x -> x.unmanagedTokenHolders().isPresent());
    int unmanaged = hosts.stream().mapToInt(x -> x.unmanagedTokenHolders().map(List::size).orElse(0)).sum();
    card(h, "unmanaged", "Unmanaged token holders", knowsUnmanaged ? Integer.toString(unmanaged) : "—",
        knowsUnmanaged ? "token holders no document manages" : "not in these facts");

    long troubled = hosts.stream().filter(x -> !x.problems().isEmpty()).count();
    card(h, "problems", "Macs with problems", Long.toString(troubled), "unreachable, plan errors, not converged");
    h.append("</section>\n");
  }

  private static void card(StringBuilder h, String id, String title, String value, String sub) {
    h.append("<div class=\"card\" id=\"card-").append(id).append("\"><h2>").append(esc(title))
        .append("</h2><p class=\"big\" id=\"count-").append(id).append("\">").append(esc(value))
        .append("</p><p class=\"sub\">").append(esc(sub)).append("</p></div>\n");
  }

  private static String donut(Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder s = new StringBuilder("<svg class=\"donut\" viewBox=\"0 0 42 42\" width=\"120\" height=\"120\""
        + " role=\"img\" aria-label=\"FileVault states\"><circle cx=\"21\" cy=\"21\" r=\"15.9155\" fill=\"none\""
        + " stroke=\"#e0e0e0\" stroke-width=\"6\"/>");
    double offset = 25;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (total == 0 || e.getValue() == 0) {
        continue;
      }
      double pct = 100.0 * e.getValue() / total;
      s.append(String.format(java.util.Locale.ROOT, "<circle cx=\"21\" cy=\"21\" r=\"15.9155\" fill=\"none\" stroke=\"%s\""
          + " stroke-width=\"6\" stroke-dasharray=\"%.2f %.2f\" stroke-dashoffset=\"%.2f\"/>", color(e.getKey()), pct,
          100 - pct, offset));
      offset -= pct;
    }
    return s.append("<text x=\"21\" y=\"23.5\" text-anchor=\"middle\" class=\"donut-n\">").append(total)
        .append("</text></svg>").toString();
  }

  private static void table(StringBuilder h, List<HostPosture> hosts) {
    h.append("<section class=\"hosts\"><div class=\"filters\"><input id=\"filter\" type=\"search\"")
        .append(" placeholder=\"Filter: host, macOS, user, problem…\" aria-label=\"Filter hosts\">")
        .append("<select id=\"fv-filter\" aria-label=\"FileVault\"><option value=\"\">FileVault: any</option>");
    for (String s : FV_STATES) {
      h.append("<option value=\"").append(s).append("\">").append(s).append("</option>");
    }
    h.append("</select><span id=\"shown\">").append(hosts.size()).append(" of ").append(hosts.size())
        .append(" Macs shown</span></div>\n<table id=\"hosts\"><thead><tr>");
    String[][] cols = {{"host", "Mac"}, {"os", "macOS"}, {"filevault", "FileVault"}, {"tokens", "Token coverage"},
        {"without", "Without a token"}, {"bootstrap", "Bootstrap Token"}, {"escrow", "Key escrow age"},
        {"drift", "Drift"}, {"problems", "Problems"}};
    for (String[] c : cols) {
      h.append("<th data-col=\"").append(c[0]).append("\" tabindex=\"0\" aria-sort=\"none\">").append(c[1]).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (HostPosture x : hosts) {
      row(h, x);
    }
    h.append("</tbody></table></section>\n");
  }

  private static void row(StringBuilder h, HostPosture x) {
    String fv = x.fileVault().orElse(x.reachable() ? "unknown" : "unreachable");
    h.append("<tr id=\"host-").append(esc(x.host())).append("\" data-host=\"").append(esc(x.host()))
        .append("\" data-filevault=\"").append(esc(fv)).append("\"")
        .append(x.problems().isEmpty() ? "" : " class=\"trouble\"").append(">");
    td(h, x.host(), x.host());
    td(h, x.os().orElse("—"), x.os().orElse(""));
    String fvText = fv + x.progressPercent().map(p -> " " + p + "%").orElse("");
    h.append("<td data-sort=\"").append(esc(fv)).append("\"><span class=\"pill\" style=\"background:")
        .append(color(fv)).append("\">").append(esc(fvText)).append("</span></td>");
    int n = x.users().size();
    int k = x.tokenHolders().size();
    td(h, n == 0 ? "—" : k + " / " + n, n == 0 ? "-1" : Double.toString((double) k / n));
    td(h, String.join(", ", x.withoutToken()), Integer.toString(x.withoutToken().size()));
    String bt = x.bootstrapSupported().orElse(true) ? x.bootstrapEscrowed().map(e -> e ? "escrowed" : "not escrowed")
        .orElse("—") : "not supported";
    td(h, bt, bt);
    td(h, x.escrowAgeDays().map(d -> d + " days").orElse("—"), x.escrowAgeDays().map(String::valueOf).orElse("-1"));
    String drift = x.drift().map(d -> d == 0 ? "none" : d + (d == 1 ? " change" : " changes")).orElse("—")
        + x.pending().filter(p -> p > 0).map(p -> " (+" + p + " pending)").orElse("");
    td(h, drift, x.drift().map(String::valueOf).orElse("-1"));
    h.append("<td class=\"problems\" data-sort=\"").append(x.problems().size()).append("\">");
    x.unmanagedTokenHolders().filter(u -> !u.isEmpty()).ifPresent(u ->
        h.append("<div>unmanaged token holders: ").append(esc(String.join(", ", u))).append("</div>"));
    x.applyStatus().ifPresent(s -> h.append("<div>apply: ").append(esc(s)).append("</div>"));
    x.problems().forEach(p -> h.append("<div>").append(esc(p)).append("</div>"));
    h.append("</td></tr>\n");
  }

  private static void td(StringBuilder h, String text, String sort) {
    h.append("<td data-sort=\"").append(esc(sort)).append("\">").append(esc(text)).append("</td>");
  }

  private static String color(String state) {
    return Optional.ofNullable(FV_COLORS.get(state)).orElse("#757575");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String resource(String name) {
    try (InputStream in = PostureHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
