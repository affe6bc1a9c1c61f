package io.trustchain.escrow;

import io.trustchain.secret.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The plaintext of a vault store file, what {@code ansible-vault view} shows:
 *
 * <pre>
 * # personal_recovery_key of mac-01, escrowed by trustchain
 * host: "mac-01"
 * item: "personal_recovery_key"
 * value: "ABCD-EFGH-…"
 * escrowed_at: "2026-05-01T10:00:00Z"
 * created_at: "2025-09-15 03:00:12 +0000"      (when known)
 * enabled_user: "tcadmin"                      (details, when known)
 * </pre>
 */
final class EntryYaml {

  private static final String HOST = "host";
  private static final String ITEM = "item";
  private static final String VALUE = "value";
  private static final String ESCROWED_AT = "escrowed_at";
  private static final String CREATED_AT = "created_at";

  private EntryYaml() {}

  static String write(EscrowEntry e) {
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put(HOST, e.host());
    doc.put(ITEM, e.item());
    char[] value = e.value().reveal();
    try {
      doc.put(VALUE, new String(value));
    } finally {
      java.util.Arrays.fill(value, '\0');
    }
    if (e.escrowedAt() != null) {
      doc.put(ESCROWED_AT, e.escrowedAt().toString());
    }
    if (e.createdAt() != null) {
      doc.put(CREATED_AT, e.createdAt());
    }
    e.details().forEach((k, v) -> {
      if (!doc.containsKey(k) && k.matches("[a-z][a-z0-9_]*")) {
        doc.put(k, v);
      }
    });
    StringBuilder out = new StringBuilder("# ").append(e.item()).append(" of ").append(e.host())
        .append(", escrowed by trustchain\n");
    doc.forEach((k, v) -> out.append(k).append(": ").append(quoted(v)).append('\n'));
    return out.toString();
  }

  /** A YAML double-quoted scalar (backslash escapes for quotes, backslashes and control characters). */
  private static String quoted(String v) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\x%02x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  static EscrowEntry read(String text, String host, String item, String origin) throws EscrowException {
    Object loaded;
    try {
      loaded = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new EscrowException(origin + " does not hold a trustchain escrow entry (its plaintext is not YAML)");
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new EscrowException(origin + " does not hold a trustchain escrow entry (expected a mapping)");
    }
    Map<String, String> doc = new LinkedHashMap<>();
    map.forEach((k, v) -> doc.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    if (!host.equals(doc.get(HOST)) || !item.equals(doc.get(ITEM))) {
      throw new EscrowException(origin + " holds an entry for " + doc.get(HOST) + "/" + doc.get(ITEM) + ", not "
          + host + "/" + item + "; was it moved?");
    }
    String value = doc.get(VALUE);
    if (value == null || value.isEmpty()) {
      throw new EscrowException(origin + " has no value");
    }
    Instant escrowedAt = null;
    if (doc.get(ESCROWED_AT) != null) {
      try {
        escrowedAt = Instant.parse(doc.get(ESCROWED_AT));
      } catch (DateTimeParseException e) {
        throw new EscrowException(origin + ": escrowed_at is not an ISO-8601 instant");
      }
    }
    Map<String, String> details = new LinkedHashMap<>(doc);
    for (String k : new String[] {HOST, ITEM, VALUE, ESCROWED_AT, CREATED_AT}) {
      details.remove(k);
    }
    details.values().removeIf(java.util.Objects::isNull);
    return new EscrowEntry(host, item, Secret.of(value), escrowedAt, doc.get(CREATED_AT), details);
  }
}
