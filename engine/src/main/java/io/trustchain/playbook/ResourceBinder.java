package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import io.trustchain.diag.Diagnostics;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.template.Templater;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds a play's resources to a host: renders templated parameters against the host's variables
 * (errors at the template's position), converts them to each module's params record, runs the
 * module's checks and addresses each resource, rejecting duplicates. With a {@link SecretCheck},
 * every secret reference is also checked for availability. For many hosts, {@link #prepare} a play
 * once and bind it per host. Thread-safe.
 */
public final class ResourceBinder {

  private static final int PREPARED_LIMIT = 256;

  private final ModuleRegistry registry;
  private final Templater templater;
  private final SecretCheck secretCheck;
  private final Map<String, Object> extraVars;
  private final Map<Play, PlayBinding> prepared = new IdentityHashMap<>();

  public ResourceBinder(ModuleRegistry registry, Templater templater) {
    this(registry, templater, null, Map.of());
  }

  private ResourceBinder(ModuleRegistry registry, Templater templater, SecretCheck secretCheck,
      Map<String, Object> extraVars) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.templater = Objects.requireNonNull(templater, "templater == null");
    this.secretCheck = secretCheck;
    this.extraVars = Map.copyOf(extraVars);
  }

  /** This binder, also checking that every secret can be had (validation). */
  public ResourceBinder withSecretCheck(SecretCheck check) {
    return new ResourceBinder(registry, templater, Objects.requireNonNull(check, "check == null"), extraVars);
  }

  /** This binder, with {@code -e} extra vars over every other variable (Ansible's highest precedence). */
  public ResourceBinder withExtraVars(Map<String, Object> vars) {
    return new ResourceBinder(registry, templater, secretCheck, vars);
  }

  /** The play prepared for binding to many hosts; prepared once per play object and reused. */
  public PlayBinding prepare(Play play) {
    Objects.requireNonNull(play, "play == null");
    synchronized (prepared) {
      PlayBinding binding = prepared.get(play);
      if (binding == null) {
        if (prepared.size() >= PREPARED_LIMIT) {
          prepared.clear();
        }
        binding = new PlayBinding(play, registry, templater, secretCheck, extraVars);
        prepared.put(play, binding);
      }
      return binding;
    }
  }

  /** The play's resources bound for one host; empty when anything is wrong (reported). */
  public List<BoundResource<?>> bind(Play play, String host, Map<String, Object> vars, Diagnostics diagnostics) {
    return prepare(play).bind(host, vars, diagnostics);
  }

  /** The play's credential for one host (user rendered, password a secret reference). */
  public Optional<Credential> credential(Play play, String host, Map<String, Object> vars, Diagnostics diagnostics) {
    return prepare(play).credential(host, vars, diagnostics);
  }
}
