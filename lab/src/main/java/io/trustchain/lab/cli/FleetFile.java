package io.trustchain.lab.cli;

import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.diag.SourceRange;
import io.trustchain.spi.LabHost;
import io.trustchain.yaml.YamlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A standalone lab fleet, for {@code lab serve --fleet FILE} without an inventory: a YAML list of
 * hosts with {@code name}, {@code port}, {@code scenario} (relative to the file), {@code ssh_user},
 * and optionally {@code address} (default 127.0.0.1).
 *
 * <pre>
 * - name: mac-lab-01
 *   port: 2201
 *   scenario: scenarios/sonoma-fresh.yml
 *   ssh_user: admin
 * </pre>
 */
final class FleetFile {

  private static final List<String> KEYS = List.of("name", "port", "scenario", "ssh_user", "address");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String EXAMPLE = "write a list like: - {name: mac-lab-01, port: 2201, scenario: scenarios/sonoma.yml, ssh_user: admin}";

  private FleetFile() {}

  /** The hosts of {@code file}, with the state, known_hosts and client key paths given. */
  static List<LabHost> load(Path file, Path stateDir, Path knownHosts, Path clientKey) throws InvalidDocumentsException {
    Diagnostics d = new Diagnostics();
    Optional<Node> root = YamlSource.load(file, d);
    List<LabHost> hosts = new ArrayList<>();
    if (root.isPresent()) {
      if (!(root.get() instanceof SequenceNode list)) {
        d.error(YamlSource.start(file, root.get()), "a lab fleet file is a list of hosts", EXAMPLE);
      } else {
        Map<String, SourceRange> names = new HashMap<>();
        Map<Long, SourceRange> ports = new HashMap<>();
        for (Node item : list.getValue()) {
          host(file, item, d, names, ports, stateDir, knownHosts, clientKey).ifPresent(hosts::add);
        }
        if (list.getValue().isEmpty()) {
          d.error(YamlSource.start(file, list), "the lab fleet file lists no hosts", EXAMPLE);
        }
      }
    }
    d.throwIfErrors();
    return hosts;
  }

  private static Optional<LabHost> host(Path file, Node item, Diagnostics d, Map<String, SourceRange> names,
      Map<Long, SourceRange> ports, Path stateDir, Path knownHosts, Path clientKey) {
    SourceRange at = YamlSource.start(file, item);
    if (!(item instanceof MappingNode map)) {
      d.error(at, "a lab host is a mapping with name, port, scenario and ssh_user", EXAMPLE);
      return Optional.empty();
    }
    Map<String, ScalarNode> values = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      SourceRange keyAt = YamlSource.start(file, t.getKeyNode());
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
      if (key == null || !KEYS.contains(key)) {
        String hint = key == null ? null : DidYouMean.hint(key, KEYS);
        d.error(keyAt, "unknown key " + (key == null ? "" : "\"" + key + "\" ") + "in a lab host",
            hint != null ? hint : "the keys are " + String.join(", ", KEYS));
      } else if (!(t.getValueNode() instanceof ScalarNode v)) {
        d.error(YamlSource.start(file, t.getValueNode()), key + " must be a single value");
      } else {
        values.put(key, v);
      }
    }
    for (String required : List.of("name", "port", "scenario", "ssh_user")) {
      if (!values.containsKey(required)) {
        d.error(at, "lab host is missing \"" + required + "\"", EXAMPLE);
      }
    }
    String name = text(values.get("name"));
    if (name != null && !NAME.matcher(name).matches()) {
      d.error(YamlSource.start(file, values.get("name")), "lab host name \"" + name + "\" is not a valid host name",
          "use letters, digits, '.', '_' and '-'");
      name = null;
    }
    if (name != null) {
      SourceRange first = names.putIfAbsent(name, YamlSource.start(file, values.get("name")));
      if (first != null) {
        d.error(YamlSource.start(file, values.get("name")), "lab host \"" + name + "\" is listed twice (first at " + first + ")");
      }
    }
    Long port = null;
    if (values.containsKey("port")) {
      SourceRange portAt = YamlSource.start(file, values.get("port"));
      try {
        port = Long.parseLong(values.get("port").getValue());
      } catch (NumberFormatException e) {
        port = -1L;
      }
      if (port < 1 || port > 65535) {
        d.error(portAt, "port must be a number from 1 to 65535, not \"" + values.get("port").getValue() + "\"");
        port = null;
      } else {
        SourceRange first = ports.putIfAbsent(port, portAt);
        if (first != null) {
          d.error(portAt, "port " + port + " is used twice (first at " + first + ")");
        }
      }
    }
    Path scenario = null;
    if (values.containsKey("scenario")) {
      scenario = file.toAbsolutePath().getParent().resolve(values.get("scenario").getValue()).normalize();
      if (!Files.isRegularFile(scenario)) {
        d.error(YamlSource.start(file, values.get("scenario")), "scenario file " + scenario + " does not exist");
      }
    }
    String user = text(values.get("ssh_user"));
    String address = values.containsKey("address") ? text(values.get("address")) : "127.0.0.1";
    if (name == null || port == null || scenario == null || user == null || user.isBlank() || address == null) {
      return Optional.empty();
    }
    return Optional.of(new LabHost(name, address, port.intValue(), scenario, stateDir, knownHosts, clientKey, user));
  }

  private static String text(ScalarNode n) {
    return n == null ? null : n.getValue();
  }
}
