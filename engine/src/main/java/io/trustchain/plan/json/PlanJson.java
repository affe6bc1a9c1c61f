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
import io.trustchain.plan.MixedTokens;
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
import java.util.Map;
import java.util.List;

/**
 * The plan as versioned JSON, for {@code plan --format json} and saved plans:
 *
 * <pre>
 * {"format_version": 1, "engine_version", "created_at", "documents_digest",
 *  "hosts": [{"host", "os", "error", "facts_digest",
 *             "changes": [{"address", "action", "before", "after", "commands", "reason"}],
 *             "problems": [{"address", "message", "hint", "at"}],
 *             "unmanaged_tokens": [{"user", "admin", "volume_owner", "unlocks_filevault"}],
 *             "undeclared_tokens": {USER: HOLDS_A_TOKEN}}],
 *  "summary": {"add", "change", "remove", "pending", "unmanaged_tokens"},
 *  "mixed_tokens": [{"user", "with_token": [HOST…], "without_token": [HOST…]}]}
 * </pre>
 *
 * Secrets appear only as references (see {@link CommandCodec}); reading gives back an equal
 * {@link Plan}. The summary and {@code mixed_tokens} are derived and ignored when reading.
 *
 * <p>A saved plan ({@link SavedPlan}, what {@code plan --out} writes and {@code plan --format json}
 * prints) adds, per host, {@code "desired_digest"}, and at the top level:
 *
 * <pre>
 * "source": {"working_dir", "inventory", "playbooks": [{"path", "sha256"}], "limit", "shard",
 *            "made_by": {"run_id", "who", "controller", "ci"}}
 * </pre>
 */
public final class PlanJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY = MAPPER.writer(printer());

  private PlanJson() {}

  /** The plan as pretty-printed JSON text, ending with a newline: secret references only ({@link SavedSecrets}). */
  public static String write(Plan plan) {
    try {
      ObjectNode tree = tree(plan);
      SavedSecrets.strip(tree);
      return PRETTY.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** The saved plan as pretty-printed JSON text, ending with a newline: secret references only. */
  public static String write(SavedPlan saved) {
    try {
      ObjectNode tree = tree(saved);
      SavedSecrets.strip(tree);
      return PRETTY.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** The JSON tree of a saved plan: the plan's, with the per-host desired digests and the source. */
  public static ObjectNode tree(SavedPlan saved) {
    ObjectNode n = tree(saved.plan());
    PlanSource src = saved.source();
    for (JsonNode h : n.get("hosts")) {
      String digest = src.desiredDigests().get(h.get("host").asText());
      ((ObjectNode) h).put("desired_digest", digest);
    }
    ObjectNode source = F.objectNode();
    source.put("working_dir", src.workingDir());
    source.put("inventory", src.inventory());
    ArrayNode playbooks = source.putArray("playbooks");
    src.playbooks().forEach(d -> playbooks.addObject().put("path", d.path()).put("sha256", d.sha256()));
    source.put("limit", src.limit().orElse(null));
    source.put("shard", src.shard().orElse(null));
    PlanSource.MadeBy by = src.madeBy();
    source.set("made_by", F.objectNode().put("run_id", by.runId()).put("who", by.who())
        .put("controller", by.controller()).put("ci", by.ci().orElse(null)));
    n.set("source", source);
    return n;
  }

  /**
   * Reads a saved plan: a plan with its {@code source}. An unknown format version, a plan without
   * a source (not written by {@code plan --out}) or a missing field is a {@link PlanFormatException}.
   */
  public static SavedPlan readSaved(String json) throws PlanFormatException {
    return readSaved(json, null);
  }

  /**
   * Reads a saved plan to apply it from {@code workingDir}: when the plan was made in another
   * directory, its secret references under that directory are moved under this one first.
   */
  public static SavedPlan readSaved(String json, java.nio.file.Path workingDir) throws PlanFormatException {
    return readSaved(json, workingDir, null);
  }

  /**
   * Reads a saved plan whose secret references are put back from {@code documentSecrets} (the reloaded
   * documents', {@link SavedSecrets#table}); null leaves placeholders that resolve to nothing (to show a plan).
   */
  public static SavedPlan readSaved(String json, java.nio.file.Path workingDir,
      Map<String, io.trustchain.secret.SecretRef> documentSecrets) throws PlanFormatException {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("plan: not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonIn root = JsonIn.root(node);
    root.field("format_version");
    JsonIn src = root.optional("source");
    if (src == null) {
      SavedSecrets.restore(node, null);
      read(node);
      throw new PlanFormatException("plan: no \"source\": this is a plan, but not a saved one (save plans with "
          + "trustchain plan --out FILE)");
    }
    src.object();
    if (workingDir != null) {
      Relocation.relocate(node, src.text("working_dir"), workingDir.toAbsolutePath().normalize().toString());
    }
    SavedSecrets.restore(node, documentSecrets);
    Plan plan = read(node);
    java.util.List<PlanSource.Document> playbooks = new ArrayList<>();
    for (JsonIn d : src.field("playbooks").elements()) {
      d.object();
      playbooks.add(new PlanSource.Document(d.text("path"), d.text("sha256")));
    }
    java.util.Map<String, String> digests = new java.util.LinkedHashMap<>();
    for (JsonIn h : root.field("hosts").elements()) {
      digests.put(h.text("host"), h.text("desired_digest"));
    }
    JsonIn by = src.field("made_by");
    by.object();
    PlanSource.MadeBy madeBy = new PlanSource.MadeBy(by.text("run_id"), by.text("who"), by.text("controller"),
        java.util.Optional.ofNullable(by.optionalText("ci")));
    return new SavedPlan(plan, new PlanSource(src.text("working_dir"), src.text("inventory"), playbooks,
        java.util.Optional.ofNullable(src.optionalText("limit")), java.util.Optional.ofNullable(src.optionalText("shard")),
        digests, madeBy));
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
        .put("pending", plan.count(Action.PENDING))
        .put("unmanaged_tokens", plan.unmanagedTokens()));
    ArrayNode mixed = F.arrayNode();
    for (MixedTokens m : plan.mixedTokens()) {
      ObjectNode o = mixed.addObject().put("user", m.user());
      m.withToken().forEach(o.putArray("with_token")::add);
      m.withoutToken().forEach(o.putArray("without_token")::add);
    }
    n.set("mixed_tokens", mixed);
    return n;
  }

  /** Reads a plan; its secret references stay placeholders (a saved plan's are put back by {@link #readSaved}). */
  public static Plan read(String json) throws PlanFormatException {
    return read(json, null);
  }

  /** Reads a plan, its secret references put back from {@code documentSecrets} ({@link SavedSecrets#table}). */
  public static Plan read(String json, Map<String, io.trustchain.secret.SecretRef> documentSecrets)
      throws PlanFormatException {
    try {
      JsonNode node = MAPPER.readTree(json);
      SavedSecrets.restore(node, documentSecrets);
      return read(node);
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
