package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/** Opens one authenticated sshj connection, turning every failure into a reportable kind. */
final class SshjConnect {

  private SshjConnect() {}

  static Link open(ConnectionSpec spec, KnownHosts knownHosts, SshOptions options, Path home)
      throws TransportException {
    SSHClient client = new SSHClient(SharedConfig.get());
    try {
      configure(client, spec, options);
      HostKeyCheck check = new HostKeyCheck(knownHosts, options.acceptNewHostKeys());
      client.addHostKeyVerifier(check);
      connect(client, spec, check, knownHosts);
      authenticate(client, spec, home);
      return new SshjLink(client);
    } catch (TransportException | RuntimeException e) {
      quietlyDisconnect(client);
      throw e;
    }
  }

  static void configure(SSHClient client, ConnectionSpec spec, SshOptions options) {
    client.setSocketFactory(NoDelaySocketFactory.INSTANCE);
    int connectMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.connectTimeout().toMillis()));
    client.setConnectTimeout(connectMs);
    client.getConnection().setTimeoutMs(Math.max(connectMs, 5_000));
    client.getConnection().getKeepAlive()
        .setKeepAliveInterval((int) Math.max(0, options.keepAliveInterval().toSeconds()));
  }

  private static void connect(SSHClient client, ConnectionSpec spec, HostKeyCheck check, KnownHosts knownHosts)
      throws TransportException {
    try {
      client.connect(spec.address(), spec.port());
    } catch (net.schmizz.sshj.transport.TransportException e) {
      KnownHosts.Check seen = check.result();
      if (seen != null && seen.verdict() == KnownHosts.Verdict.CHANGED) {
        throw new TransportException(Kind.HOST_KEY_CHANGED,
            HostKeyMessages.changed(spec, check.offered(), knownHosts.path().toString(), seen.knownHostsName()));
      }
      if (seen != null && seen.verdict() == KnownHosts.Verdict.UNKNOWN) {
        throw new TransportException(Kind.HOST_KEY,
            HostKeyMessages.unknown(spec, check.offered(), knownHosts.path().toString()));
      }
      if (e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
        throw new TransportException(Kind.HOST_KEY, HostKeyMessages.refused(spec, e.getMessage()));
      }
      throw unreachable(spec, e);
    } catch (IOException e) {
      throw unreachable(spec, e);
    }
  }

  private static TransportException unreachable(ConnectionSpec spec, IOException e) {
    String why;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof UnknownHostException || root instanceof UnknownHostException) {
      why = "unknown host name " + spec.address();
    } else if (e instanceof SocketTimeoutException || root instanceof SocketTimeoutException) {
      why = "no answer within " + SshTransport.human(spec.connectTimeout());
    } else if (e instanceof ConnectException || root instanceof ConnectException) {
      why = "connection refused (is sshd running and listening on port " + spec.port() + "?)";
    } else if (root instanceof NoRouteToHostException) {
      why = "no route to host";
    } else {
      why = "SSH handshake failed: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }
    return new TransportException(Kind.UNREACHABLE,
        HostKeyMessages.where(spec) + ": cannot connect to " + spec.address() + ":" + spec.port() + ": " + why, e);
  }

  private static void authenticate(SSHClient client, ConnectionSpec spec, Path home) throws TransportException {
    List<Path> keys = KeyFiles.candidates(spec.privateKeyFile(), home);
    if (keys.isEmpty()) {
      throw new TransportException(Kind.AUTH, HostKeyMessages.where(spec) + ": no private key to log in as "
          + spec.user() + ": none of " + KeyFiles.defaults(home) + " exists; set ansible_ssh_private_key_file");
    }
    List<KeyProvider> providers = new ArrayList<>();
    for (Path key : keys) {
      if (!Files.isReadable(key)) {
        throw new TransportException(Kind.AUTH, HostKeyMessages.where(spec) + ": cannot read private key " + key
            + " (missing or not readable)");
      }
      try {
        providers.add(client.loadKeys(key.toString()));
      } catch (IOException e) {
        throw new TransportException(Kind.AUTH, HostKeyMessages.where(spec) + ": cannot load private key " + key
            + ": " + e.getMessage(), e);
      }
    }
    try {
      client.authPublickey(spec.user(), providers);
    } catch (UserAuthException e) {
      throw new TransportException(Kind.AUTH, HostKeyMessages.where(spec) + ": " + spec.user()
          + " was refused key authentication with " + keys.stream().map(Path::toString)
              .collect(Collectors.joining(", "))
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
          + "; check the user name, the key and the host's authorized_keys (encrypted keys are not supported)", e);
    } catch (IOException e) {
      throw unreachable(spec, e);
    }
    if (!client.isAuthenticated()) {
      throw new TransportException(Kind.AUTH, HostKeyMessages.where(spec) + ": " + spec.user()
          + " could not authenticate with " + keys);
    }
  }

  private static void quietlyDisconnect(SSHClient client) {
    try {
      client.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // nothing to keep
    }
  }
}
