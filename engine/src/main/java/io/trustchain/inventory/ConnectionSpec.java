package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a host, from Ansible's connection variables after templating: {@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file},
 * {@code ansible_become}, {@code ansible_become_password} ({@code ansible_become_pass}), the known
 * hosts file ({@code trustchain_known_hosts_file}, else {@code -o UserKnownHostsFile=} in
 * {@code ansible_ssh_common_args}/{@code ansible_ssh_extra_args}, else {@code ~/.ssh/known_hosts}),
 * {@code ansible_timeout}, the jump hosts ({@code -o ProxyJump=}/{@code -J} in the ssh args, else
 * {@code ~/.ssh/config}'s ProxyJump) and the private key's passphrase
 * ({@code trustchain_private_key_passphrase}, a typed secret). With {@code ansible_connection: local},
 * {@code local} says how the scripts run on this machine instead (pull mode); the SSH fields are then unused.
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
    Duration connectTimeout,
    List<JumpHost> jumps,
    Optional<SecretRef> keyPassphrase,
    Optional<LocalConnection> local) {

  public ConnectionSpec {
    Objects.requireNonNull(local, "local == null");
    jumps = List.copyOf(jumps);
    Objects.requireNonNull(keyPassphrase, "keyPassphrase == null");
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile == null");
    Objects.requireNonNull(knownHostsFile, "knownHostsFile == null");
    Objects.requireNonNull(becomePassword, "becomePassword == null");
    Objects.requireNonNull(connectTimeout, "connectTimeout == null");
  }

  /** An SSH connection. */
  public ConnectionSpec(String host, String address, int port, String user, Optional<Path> privateKeyFile,
      Path knownHostsFile, boolean become, Optional<SecretRef> becomePassword, Duration connectTimeout,
      List<JumpHost> jumps, Optional<SecretRef> keyPassphrase) {
    this(host, address, port, user, privateKeyFile, knownHostsFile, become, becomePassword, connectTimeout, jumps,
        keyPassphrase, Optional.empty());
  }

  /** A direct connection with no passphrase for the key. */
  public ConnectionSpec(String host, String address, int port, String user, Optional<Path> privateKeyFile,
      Path knownHostsFile, boolean become, Optional<SecretRef> becomePassword, Duration connectTimeout) {
    this(host, address, port, user, privateKeyFile, knownHostsFile, become, becomePassword, connectTimeout, List.of(),
        Optional.empty());
  }

  public ConnectionSpec withConnectTimeout(Duration timeout) {
    return new ConnectionSpec(host, address, port, user, privateKeyFile, knownHostsFile, become, becomePassword,
        timeout, jumps, keyPassphrase, local);
  }

  /** Whether the scripts run on this machine ({@code ansible_connection: local}). */
  public boolean isLocal() {
    return local.isPresent();
  }

  @Override
  public String toString() {
    return local.isPresent() ? "local" : user + "@" + address + ":" + port;
  }
}
