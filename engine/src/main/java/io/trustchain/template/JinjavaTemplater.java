package io.trustchain.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Templater} on HubSpot Jinjava with Ansible's semantics: undefined variables are errors
 * (unless tested or defaulted), a lone expression keeps its type ({@code "{{ port }}"} is 22, a
 * list stays a list, a secret stays a secret), variables are templated lazily and recursively with
 * loop detection, and a secret inside a larger string is an error. One Jinjava instance serves
 * every render; parsed templates are cached, so thousands of hosts template cheaply. Thread-safe.
 */
public final class JinjavaTemplater implements Templater {

  private static final int CACHE_LIMIT = 10_000;

  private final Map<String, Node> parsed = new ConcurrentHashMap<>();

  /**
   * Cheap: the Jinjava engine is made at the first render ({@link Engine}), not when a command that may
   * template is constructed, so {@code --help} and the commands that render nothing do not pay for it
   * (≈18% of {@code --help}'s main-thread samples, JFR).
   */
  public JinjavaTemplater() {}

  /** The one Jinjava engine (its configuration is constant), made when first used; the JVM's class init is the lock. */
  private static final class Engine {
    static final Jinjava JINJAVA = create();

    private static Jinjava create() {
      JinjavaConfig config = JinjavaConfig.newBuilder()
          .withFailOnUnknownTokens(false)
          .withNestedInterpretationEnabled(false)
          .withMaxOutputSize(1_000_000)
          .build();
      Jinjava jinjava = new Jinjava(config);
      AnsibleFilters.filters().forEach(jinjava.getGlobalContext()::registerFilter);
      AnsibleFilters.tests().forEach(jinjava.getGlobalContext()::registerExpTest);
      return jinjava;
    }
  }

  @Override
  public Object render(Object value, Map<String, Object> vars) throws TemplateException {
    return scope(vars).render(value);
  }

  @Override
  public Scope scope(Map<String, Object> vars) {
    return new RenderSession(this, Objects.requireNonNull(vars, "vars == null"));
  }

  Jinjava jinjava() {
    return Engine.JINJAVA;
  }

  /** The parse tree of {@code text}; cached when it parsed without errors. */
  Node parse(String text, JinjavaInterpreter interpreter) {
    Node cached = parsed.get(text);
    if (cached != null) {
      return cached;
    }
    int errors = interpreter.getErrorsCopy().size();
    Node root = interpreter.parse(text);
    boolean clean = interpreter.getErrorsCopy().stream().skip(errors)
        .noneMatch(e -> e.getSeverity() == ErrorType.FATAL);
    if (clean) {
      if (parsed.size() >= CACHE_LIMIT) {
        parsed.clear();
      }
      parsed.put(text, root);
    }
    return root;
  }

  @Override
  public String toString() {
    return "JinjavaTemplater[" + parsed.size() + " parsed templates]";
  }
}
