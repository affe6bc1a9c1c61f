package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.ParamProblem;
import io.trustchain.spi.ResourceModule;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A resource's parameters converted to its module's record and checked by the module: what the
 * loader does for resources without templates, and the binder for the others once rendered.
 */
final class ResourceConversion {

  private ResourceConversion() {}

  /**
   * The params record, or {@link ParamConverter#INVALID} (reported) or {@link ParamConverter#UNKNOWN}
   * (templates left).
   */
  static Object convert(ResourceModule<?> module, Param.Mapping params, Diagnostics diagnostics, String suffix,
      BiConsumer<SecretRef, SourceRange> secrets) {
    ParamsSpec spec = ParamsSpec.of(module.paramsType());
    ParamConverter converter = new ParamConverter(module.name(), diagnostics, suffix, secrets);
    Object record = converter.record(spec, params, "");
    if (record instanceof Record r) {
      List<ParamProblem> problems = check(module, r);
      for (ParamProblem p : problems) {
        Diagnostic d = Diagnostic.error(position(params, p.param()), p.message() + suffix, p.hint());
        diagnostics.add(isSensitive(spec, p.param()) ? d.withoutSnippet() : d);
      }
      return problems.isEmpty() ? r : ParamConverter.INVALID;
    }
    return record;
  }

  /** {@code module.check} with the record's type recovered. */
  static <P extends Record> List<ParamProblem> check(ResourceModule<P> module, Record params) {
    return module.check(module.paramsType().cast(params));
  }

  /** {@code module.resourceName} with the record's type recovered. */
  static <P extends Record> String name(ResourceModule<P> module, Record params) {
    return module.resourceName(module.paramsType().cast(params));
  }

  /** Where a problem's parameter ({@code unlock_users}, {@code deferred.user}) is written; else the nearest mapping. */
  static SourceRange position(Param.Mapping params, String path) {
    Param.Mapping current = params;
    String[] parts = path == null ? new String[0] : path.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      SourceRange key = current.keys().get(parts[i]);
      if (key == null) {
        return current.at();
      }
      if (i == parts.length - 1 || !(current.entries().get(parts[i]) instanceof Param.Mapping next)) {
        return key;
      }
      current = next;
    }
    return current.at();
  }

  private static boolean isSensitive(ParamsSpec spec, String path) {
    if (path == null) {
      return false;
    }
    String first = path.split("\\.")[0];
    return spec.component(first).map(c -> c.sensitive() || c.raw() == SecretRef.class).orElse(false);
  }
}
