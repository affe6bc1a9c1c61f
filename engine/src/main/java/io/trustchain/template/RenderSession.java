package io.trustchain.template;

import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.interpret.AutoCloseableSupplier;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders values against one set of variables, with Ansible's semantics: variables are templated
 * lazily, when first used, and once ({@code a: "{{ b }}"}, {@code b: x}); a variable that needs
 * itself is an error; a string that is exactly one expression keeps the expression's type. Not
 * thread-safe.
 */
final class RenderSession implements Templater.Scope {

  /** The deepest chain of variables defined through one another, and of brackets in one template. */
  static final int MAX_CHAIN = 64;
  static final int MAX_BRACKETS = 40;

  private static final Pattern EMPTY_EXPRESSION = Pattern.compile("\\{\\{-?\\s*-?}}");
  private static final Pattern CLASS_NAME = Pattern.compile("(?:class )?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

  private static final Pattern SINGLE = Pattern.compile("\\{\\{(.*)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NAMED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  /** Jinjava's limit on one render's output (see {@link JinjavaTemplater}). */
  private static final int MAX_OUTPUT = 1_000_000;
  private static final Set<String> LITERALS =
      Set.of("true", "false", "none", "null", "True", "False", "None", "loop", "empty", "not");

  private final JinjavaTemplater templater;
  private final Map<String, Object> vars;
  private final Map<String, Object> rendered = new HashMap<>();
  private final Map<String, Object> jinja = new HashMap<>();
  private final LinkedHashSet<String> resolving = new LinkedHashSet<>();
  private TemplateException failure;

  RenderSession(JinjavaTemplater templater, Map<String, Object> vars) {
    this.templater = templater;
    this.vars = vars;
  }

  @Override
  public Object render(Object value) throws TemplateException {
    return switch (value) {
      case String s -> renderString(s);
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.put(String.valueOf(e.getKey()), render(e.getValue()));
        }
        yield out;
      }
      case List<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
          out.add(render(item));
        }
        yield out;
      }
      case null, default -> value;
    };
  }

  /** A string rendered: itself when it holds no template, the native value of a lone expression. */
  Object renderString(String text) throws TemplateException {
    if (!Templater.isTemplated(text)) {
      return text;
    }
    bounded(text);
    Matcher single = SINGLE.matcher(text);
    if (single.matches() && !single.group(1).contains("}}") && !single.group(1).contains("{{")) {
      String expression = single.group(1).strip();
      if (NAME.matcher(expression).matches() && !LITERALS.contains(expression)) {
        return variable(expression);
      }
      return evaluate(expression, text);
    }
    String substituted = substituted(text);
    return substituted != null ? substituted : renderText(text);
  }

  /**
   * The commonest template of an inventory, {@code "{{ inventory_dir }}/../keys/id"}, rendered without
   * Jinjava: text whose only template parts are {@code {{ NAME }}} of defined variables that hold strings,
   * on one line. Jinjava renders it to the same string (RenderSessionTest compares the two), but starting
   * Jinjava costs a short command such as {@code validate} ≈0.1 s. Null for anything else.
   */
  private String substituted(String text) throws TemplateException {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.contains("{#")) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher named = NAMED.matcher(text);
    int last = 0;
    while (named.find()) {
      String literal = text.substring(last, named.start());
      String name = named.group(1);
      if (Templater.isTemplated(literal) || LITERALS.contains(name) || !vars.containsKey(name)
          || !(variable(name) instanceof String value)) {
        return null;
      }
      out.append(literal).append(value);
      last = named.end();
    }
    String tail = text.substring(last);
    if (Templater.isTemplated(tail)) {
      return null;
    }
    out.append(tail);
    return out.length() > MAX_OUTPUT ? null : out.toString();
  }

  /** {@code did you mean "x"?} over the variables in scope, for an undefined name (null: none close). */
  String hintFor(String name) {
    if (name.contains(".") || name.contains("[")) {
      return null;
    }
    return io.trustchain.diag.DidYouMean.hint(name, vars.keySet());
  }

  /** The rendered value of a variable; templated on first use. */
  Object variable(String name) throws TemplateException {
    if (rendered.containsKey(name)) {
      return rendered.get(name);
    }
    if (!vars.containsKey(name)) {
      throw new TemplateException("undefined variable \"" + name + "\"" + via(), hintFor(name));
    }
    if (resolving.contains(name)) {
      List<String> chain = new ArrayList<>(resolving);
      chain = chain.subList(chain.indexOf(name), chain.size());
      throw new TemplateException("variable \"" + name + "\" is defined in terms of itself: "
          + String.join(" → ", chain) + " → " + name);
    }
    if (resolving.size() >= MAX_CHAIN) {
      throw new TemplateException("variable \"" + name + "\" is reached through more than " + MAX_CHAIN
          + " variables that refer to one another" + via());
    }
    resolving.add(name);
    Object value;
    try {
      value = render(vars.get(name));
    } finally {
      resolving.remove(name);
    }
    rendered.put(name, value);
    return value;
  }

  /** Jinjava's lookup of a name it does not know: our variables, or {@link Undefined}. */
  Object jinjaValue(String name) {
    if (jinja.containsKey(name)) {
      return jinja.get(name);
    }
    if (!vars.containsKey(name)) {
      return new Undefined(this, name, via());
    }
    try {
      Object value = JinjaValues.toJinja(variable(name), this, name, via());
      jinja.put(name, value);
      return value;
    } catch (TemplateException e) {
      fail(e);
      return null;
    }
  }

  /** Records the first problem of the current render (Jinjava swallows exceptions). */
  void fail(TemplateException e) {
    if (failure == null) {
      failure = e;
    }
  }

  private String via() {
    return resolving.isEmpty() ? "" : " (via variable " + String.join(" → ", resolving) + ")";
  }

  private Object evaluate(String expression, String text) throws TemplateException {
    TemplateException before = failure;
    failure = null;
    try (var pushed = current(StrictInterpreter.create(templater.jinjava(), this))) {
      JinjavaInterpreter interpreter = pushed.value();
      Object value = interpreter.resolveELExpression(expression, 1);
      check(interpreter, text);
      return JinjaValues.toPlain(value);
    } finally {
      failure = before;
    }
  }

  private String renderText(String text) throws TemplateException {
    TemplateException before = failure;
    failure = null;
    try (var pushed = current(StrictInterpreter.create(templater.jinjava(), this))) {
      JinjavaInterpreter interpreter = pushed.value();
      Node root = templater.parse(text, interpreter);
      check(interpreter, text);
      String out = interpreter.render(root, false);
      check(interpreter, text);
      return out;
    } finally {
      failure = before;
    }
  }

  /** {@code interpreter} as Jinjava's current one (filters look it up) until closed. */
  private static AutoCloseableSupplier.AutoCloseableImpl<JinjavaInterpreter> current(JinjavaInterpreter interpreter) {
    return JinjavaInterpreter.closeablePushCurrent(interpreter).get();
  }

  private void check(JinjavaInterpreter interpreter, String text) throws TemplateException {
    if (failure != null) {
      throw failure;
    }
    for (TemplateError error : interpreter.getErrorsCopy()) {
      if (error.getSeverity() == ErrorType.FATAL) {
        throw new TemplateException("cannot render " + quote(text) + ": " + plain(error.getMessage()));
      }
    }
  }

  /**
   * Refuses what Jinjava would not survive or would silently accept: brackets nested deeper than
   * {@value #MAX_BRACKETS} (its parser recurses) and an empty {@code {{ }}} (Jinja's syntax error).
   */
  private static void bounded(String text) throws TemplateException {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '(', '[', '{' -> deepest = Math.max(deepest, ++depth);
        case ')', ']', '}' -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
    if (deepest > MAX_BRACKETS) {
      throw new TemplateException("cannot render " + quote(text) + ": brackets nest deeper than " + MAX_BRACKETS
          + " levels");
    }
    if (EMPTY_EXPRESSION.matcher(text).find()) {
      throw new TemplateException("cannot render " + quote(text) + ": {{ }} holds no expression");
    }
    for (String[] pair : new String[][] {{"{{", "}}"}, {"{%", "%}"}}) {
      if (count(text, pair[0]) != count(text, pair[1])) {
        throw new TemplateException("cannot render " + quote(text) + ": " + pair[0] + " and " + pair[1]
            + " do not pair up (a delimiter is not closed)");
      }
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** Jinjava's message without Java class names ({@code java.lang.Long} → {@code Long}). */
  private static String plain(String message) {
    return message == null ? "invalid template" : CLASS_NAME.matcher(message).replaceAll("$1");
  }

  private static String quote(String text) {
    String oneLine = text.replace("\n", "\\n");
    return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
  }
}
