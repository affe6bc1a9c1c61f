package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.ResourceModule;
import io.trustchain.template.TemplateException;
import io.trustchain.template.Templater;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One play prepared for binding to many hosts: parameter trees are read once, resources without
 * templates are converted and checked once, and per host only the templated ones are rendered and
 * converted. Thread-safe: hosts may be bound in parallel.
 */
public final class PlayBinding {

  /** One resource of the play, as far as it could be prepared without a host. */
  private record Prepared(ResourceModule<?> module, Param.Mapping tree, SourceRange at, Record fixed,
      boolean invalid) {}

  private final Play play;
  private final Templater templater;
  private final SecretCheck secretCheck;
  private final Map<String, Object> extraVars;
  private final List<Prepared> resources = new ArrayList<>();
  private final Diagnostics prepared = new Diagnostics();

  PlayBinding(Play play, ModuleRegistry registry, Templater templater, SecretCheck secretCheck,
      Map<String, Object> extraVars) {
    this.play = play;
    this.extraVars = extraVars;
    this.templater = templater;
    this.secretCheck = secretCheck;
    Secrets secrets = new Secrets();
    for (ResourceSpec spec : play.resources()) {
      Optional<ResourceModule<?>> module = registry.find(spec.module());
      if (module.isEmpty()) {
        prepared.error(spec.at(), "unknown module \"" + spec.module() + "\"");
        continue;
      }
      Param.Mapping tree = ResourceReader.tree(spec.params(), spec.at(), play.file(), prepared);
      if (!tree.isStatic()) {
        resources.add(new Prepared(module.get(), tree, spec.at(), null, false));
        continue;
      }
      Object record = ResourceConversion.convert(module.get(), tree, prepared, "", secrets);
      resources.add(record instanceof Record r
          ? new Prepared(module.get(), tree, spec.at(), r, false)
          : new Prepared(module.get(), tree, spec.at(), null, true));
    }
    CredentialSpec c = play.credentialSpec();
    if (c.password() != null) {
      secrets.accept(c.password(), c.passwordAt());
    }
    secrets.check(prepared);
  }

  public Play play() {
    return play;
  }

  /**
   * The play's resources bound for {@code host}: rendered against {@code hostVars} with the play's
   * vars over them (Ansible's precedence) and {@code inventory_hostname}, typed, checked, addressed.
   * Empty when anything is wrong (reported to {@code diagnostics}).
   */
  public List<BoundResource<?>> bind(String host, Map<String, Object> hostVars, Diagnostics diagnostics) {
    Diagnostics local = new Diagnostics();
    local.addAll(prepared);
    String suffix = " (host " + host + ")";
    Templater.Scope scope = templater.scope(vars(host, hostVars));
    Secrets secrets = new Secrets();
    Optional<Credential> credential = credential(scope, suffix, local, secrets);
    ParamRenderer renderer = new ParamRenderer(scope, local, suffix);
    List<BoundResource<?>> out = new ArrayList<>();
    Map<ResourceAddress, Prepared> seen = new HashMap<>();
    for (Prepared r : resources) {
      if (r.invalid()) {
        continue;
      }
      Record params = r.fixed();
      if (params == null) {
        Param.Mapping rendered = (Param.Mapping) renderer.render(r.tree(), false);
        Object converted = ResourceConversion.convert(r.module(), rendered, local, suffix, secrets);
        if (!(converted instanceof Record record)) {
          continue;
        }
        params = record;
      }
      Optional<ResourceAddress> address = address(r, params, suffix, local);
      if (address.isEmpty()) {
        continue;
      }
      Prepared first = seen.putIfAbsent(address.get(), r);
      if (first != null) {
        boolean fixed = first.fixed() != null && r.fixed() != null;
        local.error(r.at(), "resource " + address.get() + " is declared twice (first at " + first.at() + ")"
            + (fixed ? "" : suffix), "merge the two into one resource");
        continue;
      }
      out.add(bound(r.module(), params, address.get(), credential.orElse(null), r.at()));
    }
    secrets.check(local);
    diagnostics.addAll(local);
    return local.hasErrors() ? List.of() : List.copyOf(out);
  }

  /** The play's credential for {@code host}; empty when it cannot be rendered (reported). */
  public Optional<Credential> credential(String host, Map<String, Object> hostVars, Diagnostics diagnostics) {
    if (play.credential() != null) {
      return Optional.of(play.credential());
    }
    Secrets secrets = new Secrets();
    Optional<Credential> credential = credential(templater.scope(vars(host, hostVars)), " (host " + host + ")",
        diagnostics, secrets);
    secrets.check(diagnostics);
    return credential;
  }

  private Optional<Credential> credential(Templater.Scope scope, String suffix, Diagnostics diagnostics,
      BiConsumer<SecretRef, SourceRange> secrets) {
    if (play.credential() != null) {
      return Optional.of(play.credential());
    }
    CredentialSpec spec = play.credentialSpec();
    String user = spec.user();
    SecretRef password = spec.password();
    try {
      if (Templater.isTemplated(user)) {
        Object rendered = scope.render(user);
        if (!(rendered instanceof String s) || s.isBlank()) {
          diagnostics.error(spec.userAt(), "the credential user must be a user name, but \"" + user + "\" gives "
              + io.trustchain.yaml.YamlTypes.describe(rendered) + suffix);
          user = null;
        } else if (io.trustchain.spi.MacNames.shortName(s).isPresent()) {
          diagnostics.error(spec.userAt(), "the credential user " + io.trustchain.spi.MacNames.shortName(s).get()
              + " (from \"" + user + "\")" + suffix, io.trustchain.spi.MacNames.SHORT_NAME_HINT);
          user = null;
        } else {
          user = s;
        }
      }
    } catch (TemplateException e) {
      diagnostics.error(spec.userAt(), e.getMessage() + suffix, e.hint().orElse(null));
      user = null;
    }
    if (password == null) {
      try {
        Object rendered = scope.render(spec.passwordTemplate());
        if (rendered instanceof SecretRef ref) {
          password = ref;
          secrets.accept(ref, spec.passwordAt());
        } else {
          diagnostics.add(Diagnostic.error(spec.passwordAt(), "the credential password must be a secret, but \""
              + spec.passwordTemplate() + "\" gives plain text" + suffix, CredentialReader.SECRET_HINT)
              .withoutSnippet());
        }
      } catch (TemplateException e) {
        diagnostics.add(Diagnostic.error(spec.passwordAt(), e.getMessage() + suffix, e.hint().orElse(null))
            .withoutSnippet());
      }
    }
    return user == null || password == null ? Optional.empty() : Optional.of(new Credential(user, password, spec.at()));
  }

  private Map<String, Object> vars(String host, Map<String, Object> hostVars) {
    Map<String, Object> vars = new LinkedHashMap<>(hostVars);
    vars.putAll(play.vars());
    vars.putAll(extraVars);
    vars.put("inventory_hostname", host);
    return vars;
  }

  private Optional<ResourceAddress> address(Prepared r, Record params, String suffix, Diagnostics diagnostics) {
    try {
      return Optional.of(ResourceAddress.of(r.module().name(), ResourceConversion.name(r.module(), params)));
    } catch (RuntimeException e) {
      diagnostics.error(r.at(), "module " + r.module().name() + " cannot name this resource: " + e.getMessage()
          + (r.fixed() != null ? "" : suffix));
      return Optional.empty();
    }
  }

  /**
   * The secrets one binding names, checked together once it is done ({@link SecretCheck#checkAll}): its vault
   * values are opened at the same time instead of one after the other.
   */
  private final class Secrets implements BiConsumer<SecretRef, SourceRange> {
    private final List<SecretCheck.Request> named = new ArrayList<>();

    @Override
    public void accept(SecretRef ref, SourceRange at) {
      named.add(new SecretCheck.Request(ref, at));
    }

    void check(Diagnostics diagnostics) {
      if (secretCheck != null) {
        secretCheck.checkAll(named, diagnostics);
      }
    }
  }

  private <P extends Record> BoundResource<P> bound(ResourceModule<P> module, Record params, ResourceAddress address,
      Credential credential, SourceRange at) {
    return new BoundResource<>(address, module, module.paramsType().cast(params), credential, play.name(), at);
  }

  @Override
  public String toString() {
    return "PlayBinding[" + play.name() + ", " + resources.size() + " resources]";
  }
}
