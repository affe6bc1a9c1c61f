package io.trustchain.playbook;

import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's parameters as written, positions kept: the tree the loader checks and the binder
 * renders and converts. Templated strings stay {@link Template}s until a host's variables render
 * them; what they render to carries the template's position.
 */
sealed interface Param {

  SourceRange at();

  /** Whether no template is left anywhere inside. */
  boolean isStatic();

  /** A value: String, Boolean, Long, Double, null or a {@link SecretRef}; {@code text} as written. */
  record Scalar(Object value, String text, SourceRange at) implements Param {
    @Override
    public boolean isStatic() {
      return true;
    }
  }

  /** A string holding {@code {{ }}} or {@code {% %}}. */
  record Template(String text, SourceRange at) implements Param {
    @Override
    public boolean isStatic() {
      return false;
    }
  }

  /** A value that was already reported as wrong (a bad {@code !secret}, a failed render). */
  record Invalid(SourceRange at) implements Param {
    @Override
    public boolean isStatic() {
      return true;
    }
  }

  record Seq(List<Param> items, SourceRange at) implements Param {
    public Seq {
      items = List.copyOf(items);
    }

    @Override
    public boolean isStatic() {
      return items.stream().allMatch(Param::isStatic);
    }
  }

  /** A mapping; {@code keys} holds where each key is written. */
  record Mapping(Map<String, Param> entries, Map<String, SourceRange> keys, SourceRange at) implements Param {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    @Override
    public boolean isStatic() {
      return entries.values().stream().allMatch(Param::isStatic);
    }

    static Mapping empty(SourceRange at) {
      return new Mapping(Map.of(), Map.of(), at);
    }
  }

  /** A rendered value as a tree whose every part sits at {@code at}, the template's position. */
  static Param of(Object value, SourceRange at) {
    return switch (value) {
      case Map<?, ?> map -> {
        Map<String, Param> entries = new LinkedHashMap<>();
        Map<String, SourceRange> keys = new LinkedHashMap<>();
        map.forEach((k, v) -> {
          entries.put(String.valueOf(k), of(v, at));
          keys.put(String.valueOf(k), at);
        });
        yield new Mapping(entries, keys, at);
      }
      case List<?> list -> {
        List<Param> items = new ArrayList<>();
        list.forEach(v -> items.add(of(v, at)));
        yield new Seq(items, at);
      }
      case java.util.Set<?> set -> of(new ArrayList<>(set), at);
      case null -> new Scalar(null, "", at);
      default -> new Scalar(value, String.valueOf(value), at);
    };
  }
}
