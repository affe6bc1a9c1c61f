package io.trustchain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates a document cannot use to overflow the stack or slip through empty. */
class TemplateBoundsTest {

  private static final JinjavaTemplater TEMPLATER = new JinjavaTemplater();

  @Test
  void bracketsNestedThousandsDeepAreAnError_notAStackOverflow() throws Exception {
    assertThat(TEMPLATER.render("{{ " + "(".repeat(30) + "1" + ")".repeat(30) + " }}", Map.of())).isEqualTo(1L);
    assertThatThrownBy(() -> TEMPLATER.render("{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageEndingWith("brackets nest deeper than 40 levels");
  }

  @Test
  void anEmptyExpressionIsAnError() {
    assertThatThrownBy(() -> TEMPLATER.render("{{ }}", Map.of())).hasMessageEndingWith("{{ }} holds no expression");
    assertThatThrownBy(() -> TEMPLATER.render("name-{{}}", Map.of())).hasMessageEndingWith("{{ }} holds no expression");
  }

  @Test
  void anUnclosedDelimiterIsAnError() {
    assertThatThrownBy(() -> TEMPLATER.render("{{ unclosed", Map.of())).hasMessageEndingWith(
        "{{ and }} do not pair up (a delimiter is not closed)");
    assertThatThrownBy(() -> TEMPLATER.render("{% if x %}", Map.of())).isInstanceOf(TemplateException.class);
  }

  @Test
  void aChainOfVariablesDefinedThroughOneAnotherIsBounded() throws Exception {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      vars.put("v" + i, "{{ v" + (i + 1) + " }}");
    }
    vars.put("v5000", "end");
    assertThatThrownBy(() -> TEMPLATER.render("{{ v0 }}", vars))
        .hasMessageContaining("is reached through more than 64 variables that refer to one another");
    vars.put("v10", "end");
    assertThat(TEMPLATER.render("{{ v0 }}", vars)).isEqualTo("end");
  }

  @Test
  void jinjavasMessagesNameNoJavaClasses() {
    assertThatThrownBy(() -> TEMPLATER.render("{{ 'x' * 999999999 }}", Map.of()))
        .isInstanceOf(TemplateException.class).message().doesNotContain("java.", "class ");
  }
}
