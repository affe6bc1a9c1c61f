package io.trustchain.transport.local;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.Connector;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link LocalTransport}s for the hosts whose connection is local (pull mode). Connecting checks that
 * the connection's shell exists, so a missing one is reported before anything runs. {@link #close()} closes every
 * transport this connector opened.
 */
public final class LocalConnector implements Connector {

  private final SecretResolver secrets;
  private final Duration commandTimeout;
  private final Path defaultShell;
  private final Set<LocalTransport> open = ConcurrentHashMap.newKeySet();

  public LocalConnector(SecretResolver secrets, Duration commandTimeout) {
    this(secrets, commandTimeout, Path.of("/bin/sh"));
  }

  /** @param defaultShell the shell of connections that name {@code /bin/sh} (tests point it elsewhere) */
  LocalConnector(SecretResolver secrets, Duration commandTimeout, Path defaultShell) {
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout == null");
    this.defaultShell = Objects.requireNonNull(defaultShell, "defaultShell == null");
  }

  @Override
  public Transport connect(ConnectionSpec spec) throws TransportException {
    Objects.requireNonNull(spec, "spec == null");
    if (spec.local().isEmpty()) {
      throw new IllegalArgumentException(spec.host() + " is not a local connection");
    }
    String named = spec.local().get().shell();
    Path shell = named.equals("/bin/sh") ? defaultShell : Path.of(named);
    if (!java.nio.file.Files.isExecutable(shell)) {
      throw new TransportException(TransportException.Kind.UNREACHABLE, spec.host() + " (local): " + shell
          + " is missing or not executable");
    }
    LocalTransport t = new LocalTransport(spec, secrets, commandTimeout, shell, open::remove);
    open.add(t);
    return t;
  }

  @Override
  public void close() {
    for (LocalTransport t : List.copyOf(open)) {
      t.close();
    }
  }
}
