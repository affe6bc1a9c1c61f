package io.trustchain.spi;

import com.google.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The resource modules contributed to the injector's set, indexed by name; duplicates are a bug. */
public final class ModuleRegistry {

  private final Map<String, ResourceModule<?>> byName = new TreeMap<>();

  @Inject
  public ModuleRegistry(Set<ResourceModule<?>> modules) {
    for (ResourceModule<?> m : modules) {
      ResourceModule<?> previous = byName.putIfAbsent(m.name(), m);
      if (previous != null) {
        throw new IllegalStateException("two resource modules named " + m.name() + ": "
            + previous.getClass().getName() + " and " + m.getClass().getName());
      }
    }
  }

  public static ModuleRegistry of(Collection<ResourceModule<?>> modules) {
    return new ModuleRegistry(Set.copyOf(modules));
  }

  public Optional<ResourceModule<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
