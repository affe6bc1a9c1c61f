package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.diag.SourceRange;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.Unmatched;
import io.trustchain.plan.Undecided;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the plan says about facts that were not understood: {@code cannot_plan} entries
 * ({@code {"address", "fact", "message", "at", "not_understood": [...]}}), {@code warnings} (the same
 * shape as the facts JSON's {@code not_understood}) and {@code unmatched} rows.
 */
final class NotUnderstoodCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NotUnderstoodCodec() {}

  static ObjectNode write(NotUnderstood n) {
    ObjectNode o = F.objectNode();
    o.put("section", n.section());
    ArrayNode facts = o.putArray("facts");
    n.facts().forEach(facts::add);
    o.put("command", n.command());
    o.put("exit", n.exit());
    o.put("stream", n.stream());
    ArrayNode lines = o.putArray("lines");
    n.lines().forEach(lines::add);
    o.put("problem", n.problem());
    return o;
  }

  static NotUnderstood read(JsonIn in) throws PlanFormatException {
    in.object();
    List<String> facts = new ArrayList<>();
    for (JsonIn f : in.optionalElements("facts")) {
      facts.add(f.asText());
    }
    List<String> lines = new ArrayList<>();
    for (JsonIn l : in.optionalElements("lines")) {
      lines.add(l.asText());
    }
    return new NotUnderstood(in.text("section"), facts, in.text("command"), in.field("exit").asInt(),
        in.optionalText("stream"), lines, in.text("problem"));
  }

  static ObjectNode write(Unmatched u) {
    return F.objectNode().put("section", u.section()).put("command", u.command()).put("entry", u.entry())
        .put("reason", u.reason());
  }

  static Unmatched readUnmatched(JsonIn in) throws PlanFormatException {
    in.object();
    return new Unmatched(in.text("section"), in.text("command"), in.text("entry"), in.text("reason"));
  }

  static ObjectNode write(Undecided u) {
    ObjectNode o = F.objectNode();
    o.put("address", u.address().toString());
    o.put("fact", u.fact());
    o.put("message", u.message());
    if (u.at().isPresent()) {
      SourceRange at = u.at().get();
      o.set("at", F.objectNode().put("file", at.file().toString()).put("line", at.line()).put("column", at.column()));
    } else {
      o.putNull("at");
    }
    ArrayNode because = o.putArray("not_understood");
    u.because().forEach(n -> because.add(write(n)));
    return o;
  }

  static Undecided readUndecided(JsonIn in) throws PlanFormatException {
    in.object();
    Optional<SourceRange> at = Optional.empty();
    JsonIn atIn = in.optional("at");
    if (atIn != null) {
      atIn.object();
      at = Optional.of(SourceRange.of(Path.of(atIn.text("file")), atIn.field("line").asInt(),
          atIn.field("column").asInt()));
    }
    List<NotUnderstood> because = new ArrayList<>();
    for (JsonIn n : in.optionalElements("not_understood")) {
      because.add(read(n));
    }
    return new Undecided(ChangeCodec.address(in.field("address")), in.text("fact"), in.text("message"), because, at);
  }
}
