package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts contract as JSON: {@code {"format_version": 1, "hosts": {NAME: {...}}}}, snake_case
 * keys in record order, nulls kept (a null {@code volume_owner} means macOS does not report it),
 * hosts in the map's order, pretty-printed with two-space indents.
 *
 * <p>{@link #digest} fingerprints one host's facts for saved-plan staleness: the SHA-256 (lowercase
 * hex) of a canonical JSON (keys sorted, no white space) of the facts WITHOUT the volatile fields,
 * which change while nothing that a plan depends on does: {@code clock}, {@code filevault.progress_percent},
 * {@code filevault.deferral.age_days}, and each {@code escrow.items.*.age_days} and {@code rotation_requested} (a
 * command-line request, not a fact of the Mac).
 */
public final class FactsJson {

  /**
   * Written from the records' fields, never their accessors: an accessor throws when its fact was not
   * understood, and the JSON shows what was read (null where nothing was) beside {@code not_understood}.
   */
  private static final ObjectMapper MAPPER = contract().build();

  /**
   * {@link #MAPPER} for one host's facts, its serializer found once: {@code MAPPER.writeValue} looked it up
   * again for every host (at N = 1,000, a quarter of the samples of writing {@code facts --format json}).
   */
  private static final ObjectWriter HOST = MAPPER.writerFor(HostFacts.class);

  private static final ObjectMapper READER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** The volatile properties, by the record that holds them: they change while nothing a plan depends on does. */
  private static final Map<Class<?>, Set<String>> VOLATILE = Map.of(
      HostFacts.class, Set.of("clock"),
      FileVaultFacts.class, Set.of("progress_percent"),
      Deferral.class, Set.of("age_days"),
      EscrowedItem.class, Set.of("age_days", "rotation_requested"));

  /** {@link #MAPPER}'s contract with every object's keys sorted and the volatile properties left out. */
  private static final ObjectWriter CANONICAL = contract()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .addModule(new SimpleModule().setSerializerModifier(new BeanSerializerModifier() {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
            List<BeanPropertyWriter> properties) {
          Set<String> left = VOLATILE.getOrDefault(bean.getBeanClass(), Set.of());
          properties.removeIf(p -> left.contains(p.getName()));
          return properties;
        }
      }))
      .build()
      .writer();

  private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

  private FactsJson() {}

  /** The contract's mapper settings (see {@link #MAPPER}). */
  private static JsonMapper.Builder contract() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }

  public static String write(Map<String, HostFacts> hosts) {
    return write(hosts, Map.of());
  }

  /**
   * The facts, each host's entry with the fields of {@code extra} added after its own (snake_case), e.g.
   * {@code unmanaged_tokens} when the facts were read for documents.
   */
  public static String write(Map<String, HostFacts> hosts, Map<String, Map<String, Object>> extra) {
    StringWriter out = new StringWriter();
    try (HostsWriter w = writer(out)) {
      for (Map.Entry<String, HostFacts> h : hosts.entrySet()) {
        w.host(h.getKey(), h.getValue(), extra.getOrDefault(h.getKey(), Map.of()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("facts cannot be written as JSON", e);
    }
    return out.toString();
  }

  /**
   * The same document as {@link #write}, written to {@code out} host by host as they come (without a
   * final line break), so a run over thousands of hosts holds none of them once printed.
   */
  public static HostsWriter writer(Writer out) throws IOException {
    return new HostsWriter(out);
  }

  /** Writes one facts document, a host at a time; {@link #close()} ends it (and leaves {@code out} open). */
  public static final class HostsWriter implements Closeable {
    private final JsonGenerator json;

    private HostsWriter(Writer out) throws IOException {
      json = MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(PRETTY.createInstance());
      json.writeStartObject();
      json.writeNumberField("format_version", HostFacts.FORMAT_VERSION);
      json.writeObjectFieldStart("hosts");
    }

    public void host(String name, HostFacts facts) throws IOException {
      host(name, facts, Map.of());
    }

    /** The host's facts, then the fields of {@code extra} (snake_case). */
    public void host(String name, HostFacts facts, Map<String, Object> extra) throws IOException {
      json.writeFieldName(name);
      if (extra.isEmpty()) {
        HOST.writeValue(json, facts);
        return;
      }
      ObjectNode host = (ObjectNode) tree(facts);
      extra.forEach((key, value) -> host.set(key, MAPPER.valueToTree(value)));
      MAPPER.writeTree(json, host);
    }

    @Override
    public void close() throws IOException {
      json.writeEndObject();
      json.writeEndObject();
      json.close();
    }
  }

  /**
   * Reads what {@link #write} wrote (fields it does not know, such as {@code unmanaged_tokens}, are skipped):
   * host name → facts, in the file's order. A file of another {@code format_version} is refused.
   */
  public static Map<String, HostFacts> read(String json) throws java.io.IOException {
    JsonNode root = READER.readTree(json);
    if (root == null || !root.isObject() || !root.path("hosts").isObject()) {
      throw new java.io.IOException("not trustchain facts: {\"format_version\": 1, \"hosts\": {…}} was expected");
    }
    int version = root.path("format_version").asInt(-1);
    if (version != HostFacts.FORMAT_VERSION) {
      throw new java.io.IOException("unsupported facts format_version " + root.path("format_version")
          + "; only version " + HostFacts.FORMAT_VERSION + " is supported");
    }
    Map<String, HostFacts> hosts = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.get("hosts").properties()) {
      // the records refuse reads of what was not understood, as when the facts were gathered
      hosts.put(e.getKey(), READER.treeToValue(e.getValue(), HostFacts.class).notUnderstood(List.of()));
    }
    return hosts;
  }

  /**
   * SHA-256 of the canonical JSON of {@code facts}, without the volatile fields: written in one pass by
   * {@link #CANONICAL} (keys sorted, the volatile properties left out), the same bytes as sorting a tree
   * of the contract and removing them, without building the tree.
   */
  public static String digest(HostFacts facts) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(facts);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("facts cannot be digested", e);
    }
  }

  /** One host's facts as the contract shows them (a fresh tree): for views, never for decisions. */
  public static JsonNode host(HostFacts facts) {
    return tree(facts);
  }

  /** One host's facts as a JSON tree (snake_case, record order). */
  static JsonNode tree(HostFacts facts) {
    return MAPPER.valueToTree(facts);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
  }
}
