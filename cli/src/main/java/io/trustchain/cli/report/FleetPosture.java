package io.trustchain.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers a fleet's posture from JSON documents of three kinds, recognised by their shape and merged
 * by host name: facts ({@code {"format_version", "hosts": {NAME: {"reachable", …}}}}), saved plans
 * ({@code "documents_digest"}, {@code "hosts": [{"host", "changes", "problems"}]}) and apply reports
 * ({@code "hosts": [{"host", "status", "not_converged"}]}).
 */
public final class FleetPosture {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> facts = new LinkedHashMap<>();
  private final Map<String, JsonNode> plans = new LinkedHashMap<>();
  private final Map<String, JsonNode> applies = new LinkedHashMap<>();

  /** Adds one document; {@code origin} names it in errors. */
  public void add(String origin, String json) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(origin + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    JsonNode hosts = root == null ? null : root.get("hosts");
    if (hosts != null && hosts.isObject()) {
      hosts.fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue()));
    } else if (hosts != null && hosts.isArray() && root.has("documents_digest")) {
      hosts.forEach(h -> plans.put(h.path("host").asText(), h));
    } else if (hosts != null && hosts.isArray() && hosts.path(0).has("status")) {
      hosts.forEach(h -> applies.put(h.path("host").asText(), h));
    } else if (hosts != null && hosts.isArray() && hosts.isEmpty()) {
      return;
    } else {
      throw new IOException(origin + ": neither facts (facts --format json), a saved plan (plan --out,"
          + " --report-json) nor an apply report (apply --report-json)");
    }
  }

  /** Every host any document named, in the order first seen (facts first). */
  public List<HostPosture> hosts() {
    List<String> names = new ArrayList<>(facts.keySet());
    plans.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    applies.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names.stream().map(this::host).toList();
  }

  private HostPosture host(String name) {
    JsonNode f = facts.get(name);
    JsonNode p = plans.get(name);
    JsonNode a = applies.get(name);
    List<String> problems = new ArrayList<>();
    boolean reachable = f == null || f.path("reachable").asBoolean(false);
    if (f != null && !reachable) {
      problems.add(text(f.get("error")).orElse("unreachable"));
    }
    Optional<String> os = Optional.ofNullable(f != null ? f.get("os") : p != null ? p.get("os") : null)
        .filter(JsonNode::isObject)
        .map(o -> o.path("product_name").asText() + " " + o.path("version").asText() + " (" + o.path("arch").asText() + ")");
    List<String> users = new ArrayList<>();
    List<String> holders = new ArrayList<>();
    if (f != null) {
      for (JsonNode u : f.path("users")) {
        users.add(u.path("name").asText());
        if (u.path("secure_token").asBoolean(false)) {
          holders.add(u.path("name").asText());
        }
      }
    }
    JsonNode fv = f == null ? null : f.get("filevault");
    Optional<String> fileVault = Optional.ofNullable(fv).filter(JsonNode::isObject).map(FleetPosture::fileVault);
    Optional<Integer> progress = Optional.ofNullable(fv).map(v -> v.get("progress_percent"))
        .filter(JsonNode::isNumber).map(JsonNode::asInt);
    JsonNode bt = f == null ? null : f.get("bootstrap_token");
    Optional<Boolean> escrowed = Optional.ofNullable(bt).filter(JsonNode::isObject).map(b -> b.path("escrowed").asBoolean());
    Optional<Boolean> supported = Optional.ofNullable(bt).filter(JsonNode::isObject).map(b -> b.path("supported").asBoolean());
    Optional<Long> escrowAge = Optional.ofNullable(f).map(x -> x.at("/escrow/items/personal_recovery_key/age_days"))
        .filter(JsonNode::isNumber).map(JsonNode::asLong);
    // unmanaged Secure Token holders: "unmanaged_tokens" [{"user", …}] in facts read for documents, or in a plan
    Optional<List<String>> unmanaged = unmanaged(f).or(() -> unmanaged(p));
    Optional<Integer> drift = Optional.empty();
    Optional<Integer> pending = Optional.empty();
    if (p != null) {
      int changes = 0;
      int waiting = 0;
      for (JsonNode c : p.path("changes")) {
        boolean isPending = "pending".equals(c.path("action").asText());
        if (!isPending || c.path("overdue").asBoolean(false)) {
          changes++;
        } else {
          waiting++;
        }
      }
      drift = Optional.of(changes);
      pending = Optional.of(waiting);
      text(p.get("error")).ifPresent(problems::add);
      for (JsonNode pr : p.path("problems")) {
        problems.add(pr.path("address").asText() + ": " + pr.path("message").asText());
      }
    }
    Optional<String> status = Optional.empty();
    if (a != null) {
      status = text(a.get("status"));
      text(a.get("error")).ifPresent(problems::add);
      for (JsonNode n : a.path("not_converged")) {
        problems.add(n.path("address").asText() + " did not converge: " + n.path("reason").asText());
      }
    }
    return new HostPosture(name, reachable, os, fileVault, progress, users, holders, escrowed, supported, escrowAge,
        drift, pending, unmanaged, status, problems);
  }

  private static Optional<List<String>> unmanaged(JsonNode host) {
    JsonNode list = host == null ? null : host.get("unmanaged_tokens");
    if (list == null || !list.isArray()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    list.forEach(t -> names.add(t.isObject() ? t.path("user").asText() : t.asText()));
    return Optional.of(names);
  }

  private static String fileVault(JsonNode fv) {
    String status = fv.path("status").asText("unknown");
    if ("off".equals(status) && fv.hasNonNull("deferral") && fv.get("deferral").isObject()) {
      return "deferred";
    }
    return status;
  }

  private static Optional<String> text(JsonNode n) {
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }
}
