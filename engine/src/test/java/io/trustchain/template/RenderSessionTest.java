package io.trustchain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.secret.SecretRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text made of {@code {{ NAME }}} of string variables is substituted without Jinjava; the result is the one
 * Jinjava gives (the same text with {@code |string} after each name goes through Jinjava), and whatever else
 * still goes to Jinjava.
 */
class RenderSessionTest {

  private static final Map<String, Object> VARS = new HashMap<>();

  static {
    VARS.put("inventory_dir", "/srv/fleet/inventory");
    VARS.put("key", "{{ inventory_dir }}/../keys/id");
    VARS.put("odd", "braces } { and % alone");
    VARS.put("blank", "");
    VARS.put("port", 22L);
    VARS.put("users", List.of("a", "b"));
    VARS.put("secret", new SecretRef.Env("PW"));
    VARS.put("self", "{{ self }}/x");
  }

  @Test
  void substitutionGivesWhatJinjavaGives() throws Exception {
    for (String text : List.of("{{ inventory_dir }}/../.trustchain/lab", "-o UserKnownHostsFile={{inventory_dir}}/kh",
        "{{ key }}.pub", "a {{ blank }}b{{blank}} c", "{{ inventory_dir }}{{ key }}", "x {{ odd }} y",
        "{ {{ inventory_dir }} }", "50% {{ inventory_dir }} }")) {
      String viaJinjava = text.replaceAll("\\{\\{\\s*([a-z_]+)\\s*}}", "{{ $1|string }}");
      assertThat(render(text)).as(text).isEqualTo(render(viaJinjava));
      assertThat(render(viaJinjava)).as(text).isInstanceOf(String.class);
    }
    assertThat(render("{{ key }}.pub")).isEqualTo("/srv/fleet/inventory/../keys/id.pub");
    JinjavaTemplater templater = new JinjavaTemplater();
    templater.render("{{ key }}.pub {{ inventory_dir }}", VARS);
    assertThat(templater).as("nothing went to Jinjava's parser").hasToString("JinjavaTemplater[0 parsed templates]");
    templater.render("{{ key|string }}.pub", VARS);
    assertThat(templater).hasToString("JinjavaTemplater[1 parsed templates]");
  }

  @Test
  void anythingElseStillGoesToJinjava() throws Exception {
    assertThat(render("port {{ port }}")).isEqualTo("port 22");
    assertThat(render("{{ users }} x")).isEqualTo("[a, b] x");
    assertThat(render("{{ inventory_dir }}{# note #}/x")).isEqualTo("/srv/fleet/inventory/x");
    assertThat(render("{{ inventory_dir }}{% if true %}/y{% endif %}")).isEqualTo("/srv/fleet/inventory/y");
    assertThatThrownBy(() -> render("pw={{ secret }}")).isInstanceOf(TemplateException.class);
    assertThatThrownBy(() -> render("{{ nowhere }}/x")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> render("{{ self }}/y")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("defined in terms of itself");
  }

  private static Object render(String text) throws TemplateException {
    return new JinjavaTemplater().render(text, VARS);
  }
}
