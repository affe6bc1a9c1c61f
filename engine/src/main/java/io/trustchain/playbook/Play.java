package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import io.trustchain.diag.SourceRange;
import io.trustchain.escrow.EscrowSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One play: a name, the hosts it targets (an Ansible host pattern), its variables (untemplated;
 * {@code vars_files} merged over {@code vars}), the management credential and its resources in
 * document order.
 *
 * @param credential the credential when it is written without templates (the same for every host),
 *     else null: {@link ResourceBinder#credential} renders {@code credentialSpec} per host
 * @param credentialSpec the credential as written
 * @param escrow the play's {@code escrow:} store, or null when it configures none
 */
public record Play(
    String name,
    String hosts,
    Map<String, Object> vars,
    Credential credential,
    List<ResourceSpec> resources,
    Path file,
    SourceRange at,
    CredentialSpec credentialSpec,
    EscrowSpec escrow) {

  public Play {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(hosts, "hosts == null");
    Objects.requireNonNull(credentialSpec, "credentialSpec == null");
    vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    resources = List.copyOf(resources);
  }

  /** A play without an escrow store. */
  public Play(String name, String hosts, Map<String, Object> vars, Credential credential, List<ResourceSpec> resources,
      Path file, SourceRange at, CredentialSpec credentialSpec) {
    this(name, hosts, vars, credential, resources, file, at, credentialSpec, null);
  }

  /** A play whose credential has no templates. */
  public Play(String name, String hosts, Map<String, Object> vars, Credential credential, List<ResourceSpec> resources,
      Path file, SourceRange at) {
    this(name, hosts, vars, credential, resources, file, at,
        CredentialSpec.of(Objects.requireNonNull(credential, "credential == null")), null);
  }

  @Override
  public String toString() {
    return "Play[" + name + " → " + hosts + ", " + resources.size() + " resources]";
  }
}
