package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.template.TemplateException;
import io.trustchain.template.Templater;
import io.trustchain.yaml.YamlTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the templates of a {@link Param} tree against one host's variables; untemplated parts are
 * shared, not copied. A failed template is reported at its position and becomes {@link Param.Invalid}.
 */
final class ParamRenderer {

  private final Templater.Scope scope;
  private final Diagnostics diagnostics;
  private final String suffix;

  ParamRenderer(Templater.Scope scope, Diagnostics diagnostics, String suffix) {
    this.scope = scope;
    this.diagnostics = diagnostics;
    this.suffix = suffix;
  }

  Param render(Param param, boolean sensitive) {
    if (param.isStatic()) {
      return param;
    }
    return switch (param) {
      case Param.Template t -> {
        try {
          yield Param.of(scope.render(t.text()), t.at());
        } catch (TemplateException e) {
          Diagnostic d = Diagnostic.error(t.at(), e.getMessage() + suffix, e.hint().orElse(null));
          diagnostics.add(sensitive ? d.withoutSnippet() : d);
          yield new Param.Invalid(t.at());
        }
      }
      case Param.Seq seq -> {
        List<Param> items = new ArrayList<>(seq.items().size());
        seq.items().forEach(item -> items.add(render(item, sensitive)));
        yield new Param.Seq(items, seq.at());
      }
      case Param.Mapping map -> {
        Map<String, Param> entries = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> entries.put(k, render(v, sensitive || YamlTypes.looksSensitive(k))));
        yield new Param.Mapping(entries, map.keys(), map.at());
      }
      default -> param;
    };
  }
}
