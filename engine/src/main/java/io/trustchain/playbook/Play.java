package io.trustchain.playbook;

import io.trustchain.diag.SourceRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One play: a name, the hosts it targets (an Ansible host pattern), its variables (untemplated),
 * the management credential and its resources in document order.
 */
public record Play(
    String name,
    String hosts,
    Map<String, Object> vars,
    Credential credential,
    List<ResourceSpec> resources,
    Path file,
    SourceRange at) {

  public Play {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(hosts, "hosts == null");
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    resources = List.copyOf(resources);
  }
}
