package io.trustchain.playbook;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.SourceRange;
import io.trustchain.spi.ModuleRegistry;
import io.trustchain.spi.ResourceModule;
import io.trustchain.yaml.YamlSource;
import io.trustchain.yaml.YamlTypes;
import java.nio.file.Path;
import io.trustchain.plan.ResourceAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a play's {@code resources:} list (each item a mapping with one key, the module name, whose
 * value is the parameters) and checks each resource statically: everything that does not depend on
 * a host's variables.
 */
final class ResourceReader {

  private ResourceReader() {}

  static List<ResourceSpec> read(List<Node> items, Path file, ModuleRegistry registry, Diagnostics diagnostics) {
    List<ResourceSpec> out = new ArrayList<>();
    Map<ResourceAddress, SourceRange> seen = new HashMap<>();
    for (Node item : items) {
      resource(item, file, registry, diagnostics, seen).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ResourceSpec> resource(Node item, Path file, ModuleRegistry registry,
      Diagnostics diagnostics, Map<ResourceAddress, SourceRange> seen) {
    SourceRange at = YamlSource.start(file, item);
    if (!(item instanceof MappingNode map) || map.getValue().size() != 1
        || !(map.getValue().get(0).getKeyNode() instanceof ScalarNode)) {
      diagnostics.error(at, "a resource is a mapping with one key, the module, e.g. \"- user: {name: alice}\"; got "
          + (item instanceof MappingNode m ? m.getValue().size() + " keys" : YamlTypes.describe(item)),
          "modules: " + String.join(", ", registry.names()));
      return Optional.empty();
    }
    NodeTuple tuple = map.getValue().get(0);
    String name = ((ScalarNode) tuple.getKeyNode()).getValue();
    SourceRange keyAt = YamlSource.start(file, tuple.getKeyNode());
    Optional<ResourceModule<?>> module = registry.find(name);
    if (module.isEmpty()) {
      String hint = DidYouMean.hint(name, registry.names());
      diagnostics.error(keyAt, "unknown module \"" + name + "\"",
          hint != null ? hint : "modules: " + String.join(", ", registry.names()));
      return Optional.empty();
    }
    Node params = tuple.getValueNode();
    if (!(params instanceof MappingNode) && !YamlTypes.isNull(params)) {
      diagnostics.error(YamlSource.start(file, params), "expected the parameters of module " + name
          + " as a mapping, got " + YamlTypes.describe(params));
      return Optional.empty();
    }
    Object record = ResourceConversion.convert(module.get(), tree(params, keyAt, file, diagnostics), diagnostics, "",
        (ref, pos) -> { });
    if (record instanceof Record r) {
      try {
        ResourceAddress address = ResourceAddress.of(name, ResourceConversion.name(module.get(), r));
        SourceRange first = seen.putIfAbsent(address, keyAt);
        if (first != null) {
          diagnostics.error(keyAt, "resource " + address + " is declared twice (first at " + first + ")",
              "merge the two into one resource");
        }
      } catch (RuntimeException e) {
        diagnostics.error(keyAt, "module " + name + " cannot name this resource: " + e.getMessage());
      }
    }
    return Optional.of(new ResourceSpec(name, params, keyAt));
  }

  /** The parameter tree of a resource's value node ({@code null} → no parameters). */
  static Param.Mapping tree(Node params, SourceRange keyAt, Path file, Diagnostics diagnostics) {
    if (YamlTypes.isNull(params)) {
      return Param.Mapping.empty(keyAt);
    }
    return (Param.Mapping) ParamReader.read(params, file, diagnostics);
  }
}
