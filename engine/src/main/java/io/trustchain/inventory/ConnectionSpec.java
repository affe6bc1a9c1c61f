package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a host, from Ansible's connection variables after templating: {@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file},
 * {@code ansible_become}, {@code ansible_become_password} ({@code ansible_become_pass}), the known
 * hosts file ({@code trustchain_known_hosts_file}, else {@code -o UserKnownHostsFile=} in
 * {@code ansible_ssh_common_args}/{@code ansible_ssh_extra_args}, else {@code ~/.ssh/known_hosts}),
 * and {@code ansible_timeout}.
 */
public record ConnectionSpec(
    String host,
    String address,
    int port,
    String user,
    Optional<Path> privateKeyFile,
    Path knownHostsFile,
    boolean become,
    Optional<SecretRef> becomePassword,
    Duration connectTimeout) {

  public ConnectionSpec {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile == null");
    Objects.requireNonNull(knownHostsFile, "knownHostsFile == null");
    Objects.requireNonNull(becomePassword, "becomePassword == null");
    Objects.requireNonNull(connectTimeout, "connectTimeout == null");
  }

  @Override
  public String toString() {
    return user + "@" + address + ":" + port;
  }
}
