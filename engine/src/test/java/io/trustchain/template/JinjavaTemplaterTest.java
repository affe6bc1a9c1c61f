package io.trustchain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JinjavaTemplaterTest {

  private static final JinjavaTemplater TEMPLATER = new JinjavaTemplater();
  private static final SecretRef ALICE_PW = new SecretRef.Env("ALICE_PW");

  private static final Map<String, Object> VARS = vars(
      "port", 22L,
      "name", "Alice",
      "users", List.of("tcadmin", "alice"),
      "creds", Map.of("user", "tcadmin"),
      "alice_pw", ALICE_PW,
      "blank", "",
      "nothing", null,
      "yes_word", "yes");

  private static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Object render(Object value) throws TemplateException {
    return TEMPLATER.render(value, VARS);
  }

  private static Object render(Object value, Map<String, Object> vars) throws TemplateException {
    return TEMPLATER.render(value, vars);
  }

  @Test
  void loneExpression_keepsTheNativeType() throws Exception {
    assertThat(render("{{ port }}")).isEqualTo(22L);
    assertThat(render("{{ port + 1 }}")).isEqualTo(23L);
    assertThat(render("{{ users }}")).isEqualTo(List.of("tcadmin", "alice"));
    assertThat(render("{{ creds }}")).isEqualTo(Map.of("user", "tcadmin"));
    assertThat(render("{{ port > 10 }}")).isEqualTo(true);
    assertThat(render("{{ nothing }}")).isNull();
  }

  @Test
  void loneExpression_aSecretStaysTheSecretReference() throws Exception {
    assertThat(render("{{ alice_pw }}")).isSameAs(ALICE_PW);
    assertThat(render("{{alice_pw}}")).isSameAs(ALICE_PW);
    assertThat(render("{{ missing_pw | default(alice_pw) }}")).isEqualTo(ALICE_PW);
    assertThat(render(Map.of("password", "{{ alice_pw }}"))).isEqualTo(Map.of("password", ALICE_PW));
  }

  @Test
  void text_isRenderedAsAString() throws Exception {
    assertThat(render("ssh -p {{ port }} {{ name | lower }}@mac")).isEqualTo("ssh -p 22 alice@mac");
    assertThat(render(" {{ port }}")).isEqualTo(" 22");
    assertThat(render("{% for u in users %}{{ u }};{% endfor %}")).isEqualTo("tcadmin;alice;");
    assertThat(render("{% if port == 22 %}default{% else %}custom{% endif %}")).isEqualTo("default");
  }

  @Test
  void plainValues_passThroughAndContainersAreRenderedRecursively() throws Exception {
    Object value = Map.of("a", List.of("{{ name }}", 1L, true), "b", "no template", "c", Map.of("d", "{{ port }}"));

    assertThat(render(value))
        .isEqualTo(Map.of("a", List.of("Alice", 1L, true), "b", "no template", "c", Map.of("d", 22L)));
  }

  @Test
  void undefinedVariable_isAnErrorNamingIt() {
    assertThatThrownBy(() -> render("{{ alice_pw2 }}")).isInstanceOf(TemplateException.class)
        .hasMessage("undefined variable \"alice_pw2\"");
    assertThatThrownBy(() -> render("user {{ nobody }} here")).hasMessage("undefined variable \"nobody\"");
    assertThatThrownBy(() -> render("{{ nobody | lower }}")).hasMessage("undefined variable \"nobody\"");
    assertThatThrownBy(() -> render("{{ 'x' ~ nobody }}")).hasMessage("undefined variable \"nobody\"");
  }

  @Test
  void missingKeyOfAMapping_isUndefinedToo() {
    assertThatThrownBy(() -> render("{{ creds.password }}")).hasMessage("undefined variable \"creds.password\"");
    assertThatThrownBy(() -> render("pw={{ creds['password'] }}")).hasMessage("undefined variable \"creds.password\"");
    assertThatThrownBy(() -> render("{{ nobody.name }}")).hasMessage("undefined variable \"nobody.name\"");
  }

  @Test
  void default_replacesUndefinedOnly_orFalsyValuesWithTrue() throws Exception {
    assertThat(render("{{ nobody | default('tcadmin') }}")).isEqualTo("tcadmin");
    assertThat(render("{{ nobody | d(7) }}")).isEqualTo(7L);
    assertThat(render("{{ name | default('x') }}")).isEqualTo("Alice");
    assertThat(render("[{{ blank | default('x') }}]")).isEqualTo("[]");
    assertThat(render("{{ blank | default('x', true) }}")).isEqualTo("x");
    assertThat(render("{{ creds.shell | default('/bin/zsh') }}")).isEqualTo("/bin/zsh");
  }

  @Test
  void definedTests_seeUndefinedValues() throws Exception {
    assertThat(render("{{ nobody is defined }}")).isEqualTo(false);
    assertThat(render("{{ nobody is undefined }}")).isEqualTo(true);
    assertThat(render("{{ nothing is defined }}")).isEqualTo(true);
    assertThat(render("{% if creds.user is defined %}{{ creds.user }}{% endif %}")).isEqualTo("tcadmin");
  }

  @Test
  void bool_followsAnsibleTruthiness() throws Exception {
    for (String yes : List.of("yes", "YES", "on", "1", "true", "True")) {
      assertThat(render("{{ '" + yes + "' | bool }}")).as(yes).isEqualTo(true);
    }
    for (String no : List.of("no", "off", "0", "false", "y", "t", "")) {
      assertThat(render("{{ '" + no + "' | bool }}")).as(no).isEqualTo(false);
    }
    assertThat(render("{{ yes_word | bool }}")).isEqualTo(true);
    assertThat(render("{{ 1 | bool }}")).isEqualTo(true);
    assertThat(render("{{ 0 | bool }}")).isEqualTo(false);
  }

  @Test
  void everydayFilters_work() throws Exception {
    assertThat(render("{{ '42' | int + 1 }}")).isEqualTo(43L);
    assertThat(render("{{ name | upper }}")).isEqualTo("ALICE");
    assertThat(render("{{ '  x  ' | trim }}")).isEqualTo("x");
    assertThat(render("{{ name | replace('A', 'a') }}")).isEqualTo("alice");
    assertThat(render("{{ users | join(',') }}")).isEqualTo("tcadmin,alice");
    assertThat(render("{{ users | length }}")).isEqualTo(2);
    assertThat(render("{{ port | string }}")).isEqualTo("22");
  }

  @Test
  void mandatory_failsOnUndefined() throws Exception {
    assertThat(render("{{ name | mandatory }}")).isEqualTo("Alice");
    assertThatThrownBy(() -> render("{{ nobody | mandatory }}")).hasMessage("undefined variable \"nobody\"");
  }

  @Test
  void varsReferringToVars_areRenderedLazilyAndRecursively() throws Exception {
    Map<String, Object> vars = vars(
        "a", "{{ b }}",
        "b", "{{ c }}-x",
        "c", 1L,
        "d", List.of("{{ a }}", "{{ c }}"),
        "pw", "{{ alice_pw }}",
        "alice_pw", ALICE_PW,
        "unused", "{{ never_defined }}");

    assertThat(render("{{ a }}", vars)).isEqualTo("1-x");
    assertThat(render("{{ d }}", vars)).isEqualTo(List.of("1-x", 1L));
    assertThat(render("{{ d[0] | upper }}", vars)).isEqualTo("1-X");
    assertThat(render("{{ pw }}", vars)).isSameAs(ALICE_PW);
  }

  @Test
  void aVariableDefinedInTermsOfItself_isAnError() {
    Map<String, Object> vars = vars("a", "{{ b }}", "b", "x{{ c }}", "c", "{{ a | upper }}");

    assertThatThrownBy(() -> render("{{ a }}", vars))
        .hasMessage("variable \"a\" is defined in terms of itself: a → b → c → a");
    assertThatThrownBy(() -> render("{{ self }}", vars("self", "{{ self }}")))
        .hasMessage("variable \"self\" is defined in terms of itself: self → self");
  }

  @Test
  void undefinedInsideAVariable_saysWhichVariableNeededIt() {
    Map<String, Object> vars = vars("a", "{{ b }}", "b", "{{ missing }}");

    assertThatThrownBy(() -> render("{{ a }}", vars))
        .hasMessage("undefined variable \"missing\" (via variable a → b)");
    assertThatThrownBy(() -> render("user {{ a }}", vars))
        .hasMessage("undefined variable \"missing\" (via variable a → b)");
  }

  @Test
  void secretInsideText_isAnError() {
    assertThatThrownBy(() -> render("pw={{ alice_pw }}"))
        .hasMessage("a secret cannot be interpolated into text (\"alice_pw\" holds one);"
            + " pass it whole: password: \"{{ alice_pw }}\"");
    assertThatThrownBy(() -> render("{{ alice_pw | string }}"))
        .hasMessageStartingWith("a secret cannot be interpolated into text");
    assertThatThrownBy(() -> render("{{ 'x' ~ alice_pw }}"))
        .hasMessageStartingWith("a secret cannot be interpolated into text")
        .hasMessageNotContaining("ALICE_PW");
  }

  @Test
  void unknownFilter_isAnErrorWithASuggestion() {
    assertThatThrownBy(() -> render("{{ name | lowr }}")).hasMessage("unknown filter \"lowr\"; did you mean \"lower\"?");
    assertThatThrownBy(() -> render("{{ port is definedd }}"))
        .hasMessage("unknown test \"definedd\"; did you mean \"defined\"?");
  }

  @Test
  void syntaxError_isAnErrorQuotingTheTemplate() {
    assertThatThrownBy(() -> render("{{ port + }}")).hasMessageStartingWith("cannot render \"{{ port + }}\": ");
    assertThatThrownBy(() -> render("x {% if port %} y")).hasMessageStartingWith("cannot render \"x {% if port %} y\": ");
  }

  @Test
  void scope_rendersEachVariableOnceAndCanBeReused() throws Exception {
    Templater.Scope scope = TEMPLATER.scope(vars("list", List.of("{{ n }}"), "n", 5L));

    Object first = scope.render("{{ list }}");
    Object second = scope.render("{{ list }}");

    assertThat(first).isEqualTo(List.of(5L)).isSameAs(second);
    assertThatThrownBy(() -> scope.render("{{ nope }}")).hasMessage("undefined variable \"nope\"");
    assertThat(scope.render("after an error: {{ n }}")).isEqualTo("after an error: 5");
  }

  @Test
  void oneTemplaterServesManyThreads() throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      calls.add(() -> TEMPLATER.render("host-{{ n }}-{{ name | lower }}", vars("n", (long) n, "name", "Mac")));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Object>> results = pool.invokeAll(calls);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("host-" + i + "-mac");
      }
    }
  }
}
