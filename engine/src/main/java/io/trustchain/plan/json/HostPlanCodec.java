package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.diag.SourceRange;
import io.trustchain.facts.OsFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.TokenReport;
import io.trustchain.plan.UnmanagedToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A host's plan: {@code {"host", "os", "error", "facts_digest", "changes", "problems", "unmanaged_tokens":
 * [{"user", "admin", "volume_owner", "unlocks_filevault"}], "undeclared_tokens": {USER: HOLDS}}}.
 */
final class HostPlanCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private HostPlanCodec() {}

  static ObjectNode write(HostPlan host) {
    ObjectNode n = F.objectNode();
    n.put("host", host.host());
    if (host.os().isPresent()) {
      OsFacts os = host.os().get();
      n.set("os", F.objectNode().put("product_name", os.productName()).put("version", os.version())
          .put("build", os.build()).put("arch", os.arch()));
    } else {
      n.putNull("os");
    }
    n.put("error", host.error().orElse(null));
    n.put("facts_digest", host.factsDigest());
    ArrayNode changes = F.arrayNode();
    host.changes().forEach(c -> changes.add(ChangeCodec.write(c)));
    n.set("changes", changes);
    n.put("apply_round_trips", host.applyRoundTrips());
    ArrayNode problems = F.arrayNode();
    host.problems().forEach(p -> problems.add(writeProblem(p)));
    n.set("problems", problems);
    ArrayNode unmanaged = F.arrayNode();
    host.tokens().unmanaged().forEach(t -> unmanaged.add(writeToken(t)));
    n.set("unmanaged_tokens", unmanaged);
    ObjectNode undeclared = F.objectNode();
    host.tokens().undeclared().forEach(undeclared::put);
    n.set("undeclared_tokens", undeclared);
    return n;
  }

  static ObjectNode writeToken(UnmanagedToken t) {
    ObjectNode n = F.objectNode();
    n.put("user", t.user());
    n.put("admin", t.admin());
    n.put("volume_owner", t.volumeOwner());
    n.put("unlocks_filevault", t.unlocksFilevault());
    return n;
  }

  private static TokenReport readTokens(JsonIn in) throws PlanFormatException {
    List<UnmanagedToken> unmanaged = new ArrayList<>();
    for (JsonIn t : in.optionalElements("unmanaged_tokens")) {
      t.object();
      JsonIn owner = t.optional("volume_owner");
      unmanaged.add(new UnmanagedToken(t.field("user").asText(), t.field("admin").asBoolean(),
          owner == null ? null : owner.asBoolean(), t.field("unlocks_filevault").asBoolean()));
    }
    Map<String, Boolean> undeclared = new TreeMap<>();
    JsonIn u = in.optional("undeclared_tokens");
    if (u != null) {
      u.object();
      for (String name : u.names()) {
        undeclared.put(name, u.field(name).asBoolean());
      }
    }
    return new TokenReport(unmanaged, undeclared);
  }

  static HostPlan read(JsonIn in) throws PlanFormatException {
    in.object();
    String host = in.field("host").asText();
    JsonIn osIn = in.optional("os");
    Optional<OsFacts> os = Optional.empty();
    if (osIn != null) {
      osIn.object();
      os = Optional.of(new OsFacts(osIn.field("product_name").asText(), osIn.field("version").asText(),
          osIn.field("build").asText(), osIn.field("arch").asText()));
    }
    Optional<String> error = Optional.ofNullable(in.optionalText("error"));
    String digest = in.field("facts_digest").asText();
    List<Change> changes = new ArrayList<>();
    for (JsonIn c : in.field("changes").elements()) {
      changes.add(ChangeCodec.read(c));
    }
    List<PlanProblem> problems = new ArrayList<>();
    for (JsonIn p : in.optionalElements("problems")) {
      problems.add(readProblem(p));
    }
    return new HostPlan(host, os, error, digest, changes, problems, readTokens(in));
  }

  private static ObjectNode writeProblem(PlanProblem p) {
    ObjectNode n = F.objectNode();
    n.put("address", p.address().toString());
    n.put("message", p.message());
    n.put("hint", p.hint().orElse(null));
    if (p.at().isPresent()) {
      SourceRange at = p.at().get();
      n.set("at", F.objectNode().put("file", at.file().toString()).put("line", at.line())
          .put("column", at.column()));
    } else {
      n.putNull("at");
    }
    return n;
  }

  private static PlanProblem readProblem(JsonIn in) throws PlanFormatException {
    in.object();
    Optional<SourceRange> at = Optional.empty();
    JsonIn atIn = in.optional("at");
    if (atIn != null) {
      atIn.object();
      int line = atIn.field("line").asInt();
      int column = atIn.field("column").asInt();
      if (line < 1 || column < 1) {
        throw atIn.problem("line and column are 1-based");
      }
      at = Optional.of(SourceRange.of(Path.of(atIn.field("file").asText()), line, column));
    }
    return new PlanProblem(ChangeCodec.address(in.field("address")), in.field("message").asText(),
        Optional.ofNullable(in.optionalText("hint")), at);
  }
}
