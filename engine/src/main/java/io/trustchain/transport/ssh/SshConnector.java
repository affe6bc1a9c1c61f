package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.Connector;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens SSH transports with sshj: one connection per host, kept for the whole run.
 *
 * <p>Every connection shares one sshj config, sets TCP_NODELAY, honours the host's connect
 * timeout, sends OpenSSH keepalives, checks the host key strictly against the host's known_hosts
 * file (an unknown key is refused unless {@link SshOptions#acceptNewHostKeys()}, which appends it;
 * a changed key is always refused, loudly) and logs in with the inventory's private key, or the
 * first of {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa} that exist, and the keys
 * ssh-agent holds ({@link SshKeys}); encrypted keys are opened with the inventory's passphrase or
 * by asking ({@link SshAuth}); jump hosts are gone through ({@link SshjConnect}). Secrets are resolved with the given resolver when an exec needs them.
 *
 * <p>{@link #close()} closes every transport this connector opened. Safe for concurrent use.
 */
public final class SshConnector implements Connector {

  private final SecretResolver secrets;
  private final SshOptions options;
  private final SshAuth auth;
  private final Map<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();
  private final KeyPairs keyPairs = new KeyPairs();
  private final Set<SshTransport> open = ConcurrentHashMap.newKeySet();

  /** Default keys under Java's {@code user.home}; no agent; nobody to ask for passphrases. */
  public SshConnector(SecretResolver secrets, SshOptions options) {
    this(secrets, options, SshAuth.plain(Path.of(System.getProperty("user.home"))));
  }

  SshConnector(SecretResolver secrets, SshOptions options, Path home) {
    this(secrets, options, SshAuth.plain(home));
  }

  public SshConnector(SecretResolver secrets, SshOptions options, SshAuth auth) {
    SharedConfig.get(); // before known_hosts are read: it sets sshj's provider policy
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
    this.options = Objects.requireNonNull(options, "options == null");
    this.auth = Objects.requireNonNull(auth, "auth == null");
  }

  /** Hosts whose become password sudo accepted in this run (see {@link SshTransport}). */
  private final java.util.Set<String> becomeAccepted = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Connects and authenticates now, so an unreachable host is reported before anything runs. */
  @Override
  public Transport connect(ConnectionSpec spec) throws TransportException {
    Objects.requireNonNull(spec, "spec == null");
    KnownHosts hosts = knownHostsFor(spec);
    Link.Opener opener = () -> SshjConnect.open(spec, hosts, options, auth, secrets, keyPairs);
    SshTransport transport = new SshTransport(spec, secrets, options.commandTimeout(), opener, opener.open(),
        becomeAccepted);
    open.add(transport.whenClosed(() -> open.remove(transport)));
    return transport;
  }

  private KnownHosts knownHostsFor(ConnectionSpec spec) throws TransportException {
    Path file = KeyFiles.expandHome(spec.knownHostsFile(), auth.home()).toAbsolutePath().normalize();
    try {
      return knownHosts.computeIfAbsent(file, f -> {
        try {
          return new KnownHosts(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw new TransportException(Kind.HOST_KEY, HostKeyMessages.where(spec) + ": cannot read known hosts file "
          + file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    for (SshTransport t : List.copyOf(open)) {
      t.close();
    }
  }
}
