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
import io.trustchain.plan.LockNote;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.Undecided;
import io.trustchain.plan.TokenReport;
import io.trustchain.plan.UnmanagedToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A host's plan: {@code {"host", "os", "error", "facts_digest", "changes", "problems", "unmanaged_tokens":
 * [{"user", "admin", "volume_owner", "unlocks_filevault"}], "undeclared_tokens": {USER: HOLDS}, "lock": null | {"run_id",
 * "owner", "age_seconds", "expires_in_seconds", "state", "command", "message"}}}: the apply lock seen while planning.
 * Added in format 1 too, read as empty when absent: {@code "error_kind"}, {@code "cannot_plan"},
 * {@code "warnings"}, {@code "unmatched"} (what was not understood, docs/facts.md).
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
    if (host.lock().isPresent()) {
      n.set("lock", writeLock(host.lock().get()));
    } else {
      n.putNull("lock");
    }
    ArrayNode undecided = n.putArray("cannot_plan");
    host.undecided().forEach(u -> undecided.add(NotUnderstoodCodec.write(u)));
    ArrayNode warnings = n.putArray("warnings");
    host.warnings().forEach(w -> warnings.add(NotUnderstoodCodec.write(w)));
    ArrayNode unmatched = n.putArray("unmatched");
    host.unmatched().forEach(u -> unmatched.add(NotUnderstoodCodec.write(u)));
    return n;
  }

  private static ObjectNode writeLock(LockNote l) {
    ObjectNode n = F.objectNode();
    n.put("run_id", l.runId().orElse(null));
    n.put("owner", l.owner());
    if (l.ageSeconds().isPresent()) {
      n.put("age_seconds", l.ageSeconds().getAsLong());
    } else {
      n.putNull("age_seconds");
    }
    if (l.expiresInSeconds().isPresent()) {
      n.put("expires_in_seconds", l.expiresInSeconds().getAsLong());
    } else {
      n.putNull("expires_in_seconds");
    }
    n.put("state", l.state().name().toLowerCase(Locale.ROOT));
    n.put("command", l.command());
    n.put("message", l.describe() + "; " + l.advice());
    return n;
  }

  private static Optional<LockNote> readLock(JsonIn in) throws PlanFormatException {
    JsonIn l = in.optional("lock");
    if (l == null || l.isNull()) {
      return Optional.empty();
    }
    l.object();
    LockNote.State state;
    try {
      state = LockNote.State.valueOf(l.text("state").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw l.problem("unknown lock state \"" + l.text("state") + "\"");
    }
    return Optional.of(new LockNote(Optional.ofNullable(l.optionalText("run_id")), l.text("owner"),
        number(l.optional("age_seconds")), number(l.optional("expires_in_seconds")), state, l.text("command")));
  }

  private static OptionalLong number(JsonIn in) throws PlanFormatException {
    return in == null || in.isNull() ? OptionalLong.empty() : OptionalLong.of(in.asLong());
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
    return new HostPlan(host, os, error, digest, changes, problems, readTokens(in), readLock(in), kind, undecided,
        warnings, unmatched);
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
