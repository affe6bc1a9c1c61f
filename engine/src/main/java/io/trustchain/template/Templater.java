package io.trustchain.template;

import java.util.Map;

/**
 * Jinja-compatible {@code {{ … }}} templating over variables (implemented with a maintained Jinja
 * engine, never by hand).
 *
 * <p>Values are the YAML-ish tree: {@code String}, {@code Boolean}, {@code Long}/{@code Integer},
 * {@code Double}, {@code List}, {@code Map}, {@code null}, and {@link io.trustchain.secret.SecretRef}.
 * A string that is exactly one expression ({@code "{{ alice_password }}"}) whose value is a
 * {@code SecretRef} renders to that reference, so secrets travel through variables without being
 * turned into text; a secret inside a larger string is an error.
 */
public interface Templater {

  /** Renders every string inside {@code value} (recursively) against {@code vars}. */
  Object render(Object value, Map<String, Object> vars) throws TemplateException;

  /**
   * A scope over {@code vars} that renders many values (one host's resources) and shares the work
   * of rendering the variables themselves.
   */
  default Scope scope(Map<String, Object> vars) {
    return value -> render(value, vars);
  }

  /** Renders values against one fixed set of variables. Not thread-safe; one per host and thread. */
  interface Scope {

    /** Renders every string inside {@code value} (recursively). */
    Object render(Object value) throws TemplateException;
  }

  /** Whether {@code text} contains template syntax at all. */
  static boolean isTemplated(String text) {
    return text.contains("{{") || text.contains("{%");
  }
}
