package io.trustchain.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attributes of a resource as the plan shows them (sorted by name). Values are String,
 * Boolean, Number, List of String, or null. Keys in {@code sensitive} are shown as
 * {@code (sensitive value)} and never hold a value: only a marker such as {@code "(set)"}.
 */
public record Attributes(Map<String, Object> values, Set<String> sensitive) {

  public static final Attributes EMPTY = new Attributes(Map.of(), Set.of());

  public Attributes {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    sensitive = Set.copyOf(sensitive);
  }

  public static Attributes of(Map<String, Object> values) {
    return new Attributes(values, Set.of());
  }

  public Object get(String key) {
    return values.get(key);
  }

  /** Keys whose values differ between this and {@code other}, in name order. */
  public Set<String> changedKeys(Attributes other) {
    Set<String> keys = new java.util.TreeSet<>(values.keySet());
    keys.addAll(other.values.keySet());
    keys.removeIf(k -> java.util.Objects.equals(values.get(k), other.values.get(k)));
    return keys;
  }
}
