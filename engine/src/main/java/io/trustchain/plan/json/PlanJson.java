package io.trustchain.plan.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.plan.Action;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as versioned JSON, for {@code plan --format json} and saved plans:
 *
 * <pre>
 * {"format_version": 1, "engine_version", "created_at", "documents_digest",
 *  "hosts": [{"host", "os", "error", "facts_digest",
 *             "changes": [{"address", "action", "before", "after", "commands", "reason"}],
 *             "problems": [{"address", "message", "hint", "at"}]}],
 *  "summary": {"add", "change", "remove", "pending"}}
 * </pre>
 *
 * Secrets appear only as references (see {@link CommandCodec}); reading gives back an equal
 * {@link Plan}. The summary is derived and ignored when reading.
 */
public final class PlanJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY = MAPPER.writer(printer());

  private PlanJson() {}

  /** The plan as pretty-printed JSON text, ending with a newline. */
  public static String write(Plan plan) {
    try {
      return PRETTY.writeValueAsString(tree(plan)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** Writes {@link #write(Plan)}'s text as UTF-8; does not close {@code out}. */
  public static void write(Plan plan, OutputStream out) {
    try {
      out.write(write(plan).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON tree of the plan. */
  public static ObjectNode tree(Plan plan) {
    ObjectNode n = F.objectNode();
    n.put("format_version", plan.formatVersion());
    n.put("engine_version", plan.engineVersion());
    n.put("created_at", plan.createdAt().toString());
    n.put("documents_digest", plan.documentsDigest());
    ArrayNode hosts = F.arrayNode();
    plan.hosts().forEach(h -> hosts.add(HostPlanCodec.write(h)));
    n.set("hosts", hosts);
    n.set("summary", F.objectNode()
        .put("add", plan.count(Action.CREATE))
        .put("change", plan.count(Action.UPDATE))
        .put("remove", plan.count(Action.DELETE))
        .put("pending", plan.count(Action.PENDING)));
    return n;
  }

  public static Plan read(String json) throws PlanFormatException {
    try {
      return read(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("plan: not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static Plan read(InputStream in) throws PlanFormatException {
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlanFormatException("plan: cannot read: " + e.getMessage(), e);
    }
  }

  private static Plan read(JsonNode node) throws PlanFormatException {
    if (node == null || !node.isObject()) {
      throw new PlanFormatException("plan: expected a JSON object");
    }
    JsonIn root = JsonIn.root(node);
    int version = root.field("format_version").asInt();
    if (version != Plan.FORMAT_VERSION) {
      throw new PlanFormatException("unsupported plan format version " + version + "; this trustchain reads version "
          + Plan.FORMAT_VERSION);
    }
    Instant createdAt;
    JsonIn created = root.field("created_at");
    try {
      createdAt = Instant.parse(created.asText());
    } catch (DateTimeParseException e) {
      throw created.problem("not an ISO-8601 instant: " + created.asText());
    }
    List<HostPlan> hosts = new ArrayList<>();
    for (JsonIn h : root.field("hosts").elements()) {
      hosts.add(HostPlanCodec.read(h));
    }
    return new Plan(version, createdAt, root.field("engine_version").asText(),
        root.field("documents_digest").asText(), hosts);
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter p = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    p.indentObjectsWith(indenter);
    p.indentArraysWith(indenter);
    return p;
  }
}
