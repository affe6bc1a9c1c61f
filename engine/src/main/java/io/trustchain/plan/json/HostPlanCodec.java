package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.diag.SourceRange;
import io.trustchain.facts.HostErrorKind;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.OsFacts;
import io.trustchain.facts.Unmatched;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.Undecided;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host's plan: {@code {"host", "os", "error", "error_kind", "facts_digest", "changes", "problems",
 * "cannot_plan", "warnings", "unmatched"}} (the last three added in format 1, read as empty when absent).
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
    n.put("error_kind", host.errorKind().map(HostErrorKind::json).orElse(null));
    n.put("facts_digest", host.factsDigest());
    ArrayNode changes = F.arrayNode();
    host.changes().forEach(c -> changes.add(ChangeCodec.write(c)));
    n.set("changes", changes);
    ArrayNode problems = F.arrayNode();
    host.problems().forEach(p -> problems.add(writeProblem(p)));
    n.set("problems", problems);
    ArrayNode undecided = n.putArray("cannot_plan");
    host.undecided().forEach(u -> undecided.add(NotUnderstoodCodec.write(u)));
    ArrayNode warnings = n.putArray("warnings");
    host.warnings().forEach(w -> warnings.add(NotUnderstoodCodec.write(w)));
    ArrayNode unmatched = n.putArray("unmatched");
    host.unmatched().forEach(u -> unmatched.add(NotUnderstoodCodec.write(u)));
    return n;
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
    String kindText = in.optionalText("error_kind");
    Optional<HostErrorKind> kind = Optional.ofNullable(kindText == null ? null : HostErrorKind.parse(kindText));
    List<Undecided> undecided = new ArrayList<>();
    for (JsonIn u : in.optionalElements("cannot_plan")) {
      undecided.add(NotUnderstoodCodec.readUndecided(u));
    }
    List<NotUnderstood> warnings = new ArrayList<>();
    for (JsonIn w : in.optionalElements("warnings")) {
      warnings.add(NotUnderstoodCodec.read(w));
    }
    List<Unmatched> unmatched = new ArrayList<>();
    for (JsonIn u : in.optionalElements("unmatched")) {
      unmatched.add(NotUnderstoodCodec.readUnmatched(u));
    }
    return new HostPlan(host, os, error, digest, changes, problems, kind, undecided, warnings, unmatched);
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
