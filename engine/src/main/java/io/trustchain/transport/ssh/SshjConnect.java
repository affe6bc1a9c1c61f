package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import io.trustchain.inventory.JumpHost;
import io.trustchain.secret.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;

/** Opens one authenticated sshj connection, turning every failure into a reportable kind. */
final class SshjConnect {

  private SshjConnect() {}

  /**
   * Connects to {@code spec}'s host, through its jump hosts when it has any (each hop's host key
   * checked in the same known_hosts, each hop authenticated with its own keys and the agent, the
   * next hop reached over the previous one's direct-tcpip channel, as {@code ssh -J} does).
   */
  static Link open(ConnectionSpec spec, KnownHosts knownHosts, SshOptions options, SshAuth auth,
      SecretResolver secrets, KeyPairs keyPairs) throws TransportException {
    List<SSHClient> chain = new ArrayList<>();
    try {
      SSHClient previous = null;
      for (JumpHost hop : spec.jumps()) {
        ConnectionSpec hopSpec = new ConnectionSpec("jump host " + hop.address() + " for " + spec.host(),
            hop.address(), hop.port(), hop.user(), hop.privateKeyFile(), spec.knownHostsFile(), false,
            Optional.empty(), spec.connectTimeout());
        previous = hop(hopSpec, previous, knownHosts, options, auth, secrets, keyPairs, chain);
      }
      hop(spec, previous, knownHosts, options, auth, secrets, keyPairs, chain);
      return new SshjLink(chain);
    } catch (TransportException | RuntimeException e) {
      for (int i = chain.size() - 1; i >= 0; i--) {
        quietlyDisconnect(chain.get(i));
      }
      throw e;
    }
  }

  private static SSHClient hop(ConnectionSpec spec, SSHClient via, KnownHosts knownHosts, SshOptions options,
      SshAuth auth, SecretResolver secrets, KeyPairs keyPairs, List<SSHClient> chain) throws TransportException {
    SSHClient client = new SSHClient(SharedConfig.get());
    chain.add(client);
    configure(client, spec, options);
    HostKeyCheck check = new HostKeyCheck(knownHosts, options.acceptNewHostKeys());
    client.addHostKeyVerifier(check);
    connect(client, via, spec, check, knownHosts);
    SshKeys.authenticate(client, spec, auth, secrets, keyPairs);
    SharedKeepAlive.start(client.getConnection());
    return client;
  }

  static void configure(SSHClient client, ConnectionSpec spec, SshOptions options) {
    client.setSocketFactory(NoDelaySocketFactory.INSTANCE);
    int connectMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.connectTimeout().toMillis()));
    client.setConnectTimeout(connectMs);
    client.getConnection().setTimeoutMs(Math.max(connectMs, 5_000));
    client.getConnection().getKeepAlive()
        .setKeepAliveInterval((int) Math.max(0, options.keepAliveInterval().toSeconds()));
  }

  private static void connect(SSHClient client, SSHClient via, ConnectionSpec spec, HostKeyCheck check,
      KnownHosts knownHosts) throws TransportException {
    try {
      if (via == null) {
        client.connect(spec.address(), spec.port());
      } else {
        client.connectVia(via.newDirectConnection(spec.address(), spec.port()));
      }
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
    } catch (IllegalStateException e) {
      // sshj's "Not connected": the jump host's connection went down before its channel opened (a drop)
      throw unreachable(spec, new IOException("the jump host's connection closed"));
    }
  }

  static TransportException unreachable(ConnectionSpec spec, IOException e) {
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

  private static void quietlyDisconnect(SSHClient client) {
    try {
      client.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // nothing to keep
    }
  }
}
