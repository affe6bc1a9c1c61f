package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.MacNames;
import io.trustchain.template.Templater;
import io.trustchain.yaml.YamlMapping;
import io.trustchain.yaml.YamlValues;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads a play's {@code credential:} mapping: {@code user} and a secret {@code password}. */
final class CredentialReader {

  static final String SECRET_HINT = "write !secret env:NAME, !secret file:PATH, !secret command:CMD, !vault,"
      + " or \"{{ var }}\" naming a variable that holds one";

  private CredentialReader() {}

  static Optional<CredentialSpec> read(YamlMapping map, Diagnostics diagnostics) {
    map.rejectUnknownKeys(List.of("user", "password"), "credential key");
    map.require("user", "password");
    Optional<String> user = map.string("user");
    Optional<Object> password = map.get("password").flatMap(node -> password(node, map, diagnostics));
    if (user.isPresent() && !Templater.isTemplated(user.get())) {
      Optional<String> why = MacNames.shortName(user.get());
      if (why.isPresent()) {
        diagnostics.error(map.valueAt("user"), "the credential user " + why.get(), MacNames.SHORT_NAME_HINT);
        return Optional.empty();
      }
    }
    if (user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    SourceRange passwordAt = map.valueAt("password");
    return Optional.of(password.get() instanceof SecretRef ref
        ? new CredentialSpec(user.get(), ref, null, map.valueAt("user"), passwordAt, map.start())
        : new CredentialSpec(user.get(), null, (String) password.get(), map.valueAt("user"), passwordAt, map.start()));
  }

  /** A secret reference or a lone {@code "{{ var }}"} template; anything else is an error without a snippet. */
  private static Optional<Object> password(Node node, YamlMapping map, Diagnostics diagnostics) {
    String tag = node.getTag().getValue();
    if (YamlValues.SECRET_TAG.equals(tag) || YamlValues.VAULT_TAG.equals(tag)) {
      return Optional.ofNullable(YamlValues.secret(node, map.file(), diagnostics));
    }
    if (node instanceof ScalarNode s && Templater.isTemplated(s.getValue())
        && ParamTypes.isLoneExpression(s.getValue())) {
      return Optional.of(s.getValue().strip());
    }
    diagnostics.add(Diagnostic.error(map.valueAt("password"), "the credential password must be a secret,"
        + " not plain text", SECRET_HINT).withoutSnippet());
    return Optional.empty();
  }
}
