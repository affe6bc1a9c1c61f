package io.trustchain.playbook;

import io.trustchain.diag.SourceRange;
import java.util.Objects;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A resource as written in a play, before templating and binding: the module name (the single key of
 * the list item) and its parameter node, positions kept.
 */
public record ResourceSpec(String module, Node params, SourceRange at) {

  public ResourceSpec {
    Objects.requireNonNull(module, "module == null");
    Objects.requireNonNull(params, "params == null");
    Objects.requireNonNull(at, "at == null");
  }
}
