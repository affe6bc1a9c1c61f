package io.trustchain.lab.server;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Serves simulated Macs over real SSH (Apache MINA SSHD) on loopback only: each {@link LabHost} on its
 * own port with its own persisted ed25519 host key, all through one server and one small thread
 * pool. Each exec runs the command string with the lab's sh interpreter inside one transaction of
 * the host's {@link SimulatedHost}. Host keys are written to each host's known_hosts file; the
 * client key is created when missing and accepted for every account the Mac has.
 *
 * <pre>
 * try (LabServer lab = LabServer.start(hosts, new MacHostFactory())) {
 *   lab.endpoints().forEach(e -&gt; System.out.println(e.sshCommand()));
 * }
 * </pre>
 */
public final class LabServer implements AutoCloseable {

  private final MultiPortServer sshd;
  private final List<LabEndpoint> endpoints;
  private final List<LabHost> unreachable;
  private final List<SimulatedHost> served;

  private LabServer(MultiPortServer sshd, List<LabEndpoint> endpoints, List<LabHost> unreachable,
      List<SimulatedHost> served) {
    this.sshd = sshd;
    this.endpoints = List.copyOf(endpoints);
    this.unreachable = List.copyOf(unreachable);
    this.served = List.copyOf(served);
  }

  /**
   * Opens every host through {@code factory}, creates missing keys, and serves the hosts (a host
   * with an {@code UNREACHABLE} fault is left unserved, its fault fired once). A port already taken
   * fails the whole start with {@code port N for lab host X is in use by another program; …}.
   */
  public static LabServer start(List<LabHost> hosts, SimulatedHostFactory factory) throws IOException {
    Objects.requireNonNull(factory, "factory == null");
    checkDistinct(hosts);
    for (LabHost h : hosts) {
      Loopback.require(h);
    }
    Map<Path, String> clientKeys = new HashMap<>();
    for (LabHost h : hosts) {
      if (!clientKeys.containsKey(h.clientKeyFile())) {
        clientKeys.put(h.clientKeyFile(), LabKeys.ensureClientKey(h));
      }
    }
    Map<String, HostKey> hostKeys = hostKeys(hosts);
    List<ServedHost> toServe = new ArrayList<>();
    List<LabHost> unreachable = new ArrayList<>();
    List<LabEndpoint> trusted = new ArrayList<>();
    for (LabHost h : hosts) {
      SimulatedHost mac = factory.open(h);
      if (mac.mayBeUnreachable() && mac.transact(m -> NetworkFaults.fire(m, NetworkFault.Kind.UNREACHABLE).isPresent())) {
        unreachable.add(h);
        if (h.port() != 0) {
          trusted.add(new LabEndpoint(h, h.port()));
        }
      } else {
        toServe.add(new ServedHost(h, mac, hostKeys.get(h.name()), Set.of(clientKeys.get(h.clientKeyFile())),
            LabKeys.authorizedKeys(h.stateDir())));
      }
    }
    List<LabEndpoint> endpoints = new ArrayList<>();
    MultiPortServer sshd = toServe.isEmpty() ? null : listen(toServe, endpoints);
    try {
      trusted.addAll(endpoints);
      LabKeys.trust(trusted);
    } catch (IOException | RuntimeException e) {
      stop(sshd);
      throw e;
    }
    return new LabServer(sshd, endpoints, unreachable, toServe.stream().map(ServedHost::mac).toList());
  }

  /** Each host's key, created the first time (in parallel, as a thousand hosts add up), read at its first login. */
  private static Map<String, HostKey> hostKeys(List<LabHost> hosts) throws IOException {
    Map<String, HostKey> keys = new ConcurrentHashMap<>();
    try {
      hosts.parallelStream().forEach(h -> {
        try {
          LabKeys.ensureHostKey(h);
          keys.put(h.name(), new HostKey(LabKeys.hostKeyFile(h)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return keys;
  }


  private static MultiPortServer listen(List<ServedHost> hosts, List<LabEndpoint> endpoints) throws IOException {
    Map<Integer, ServedHost> byPort = new ConcurrentHashMap<>();
    MultiPortServer sshd = MultiPortServer.create();
    configure(sshd, byPort);
    try {
      for (ServedHost h : hosts) {
        LabHost lab = h.lab();
        int port;
        try {
          if (!sshd.isStarted()) {
            sshd.setHost(lab.bindAddress());
            sshd.setPort(lab.port());
            if (lab.port() != 0) {
              byPort.put(lab.port(), h);
            }
            sshd.start();
            port = sshd.getPort();
          } else {
            if (lab.port() != 0) {
              byPort.put(lab.port(), h);
            }
            port = sshd.bind(new InetSocketAddress(lab.bindAddress(), lab.port()));
          }
        } catch (BindException e) {
          throw new IOException("port " + lab.port() + " for lab host " + lab.name()
              + " is in use by another program; stop it or change ansible_port", e);
        }
        byPort.put(port, h);
        endpoints.add(new LabEndpoint(lab, port));
      }
    } catch (IOException | RuntimeException e) {
      stop(sshd);
      throw e;
    }
    return sshd;
  }

  private static void configure(MultiPortServer sshd, Map<Integer, ServedHost> byPort) {
    java.util.function.Function<Session, ServedHost> hostOf = session -> {
      SocketAddress local = session.getIoSession().getLocalAddress();
      return local instanceof InetSocketAddress a ? byPort.get(a.getPort()) : null;
    };
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    // a port that a finished client connection left in TIME_WAIT (ports above 32768 are also the
    // kernel's ephemeral ones) can still be listened on, as OpenSSH's sshd does
    CoreModuleProperties.SOCKET_REUSEADDR.set(sshd, true);
    sshd.setNioWorkers(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    sshd.setKeyPairProvider(new KeyPairProvider() {
      @Override
      public Iterable<KeyPair> loadKeys(SessionContext context) {
        ServedHost h = context instanceof Session s ? hostOf.apply(s) : null;
        if (h != null) {
          return List.of(h.hostKey().pair());
        }
        return byPort.values().stream().map(ServedHost::hostKey).distinct().map(HostKey::pair).toList();
      }
    });
    Authorizer authorizer = new Authorizer(hostOf);
    sshd.setPublickeyAuthenticator(authorizer);
    sshd.setPasswordAuthenticator(authorizer);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setCommandFactory((channel, command) -> {
      ServedHost h = hostOf.apply(channel.getSession());
      if (h == null) {
        throw new IOException("no lab host on this port");
      }
      return new ExecCommand(h, command);
    });
    sshd.setShellFactory(channel -> {
      ServedHost h = hostOf.apply(channel.getSession());
      if (h == null) {
        throw new IOException("no lab host on this port");
      }
      return new ShellChannel(h);
    });
  }

  private static void checkDistinct(List<LabHost> hosts) {
    Set<String> names = new HashSet<>();
    Map<Integer, String> ports = new HashMap<>();
    for (LabHost h : hosts) {
      if (!names.add(h.name())) {
        throw new IllegalArgumentException("lab host " + h.name() + " is listed twice");
      }
      String other = h.port() == 0 ? null : ports.put(h.port(), h.name());
      if (other != null) {
        throw new IllegalArgumentException("lab hosts " + other + " and " + h.name() + " both use port " + h.port());
      }
    }
  }

  /**
   * Makes hosts served by another process ({@code lab serve}) reachable for this one: the client key
   * exists and is authorized in {@code stateDir/authorized_keys}, and their host keys are in
   * known_hosts.
   */
  static void trustServedElsewhere(List<LabEndpoint> endpoints) throws IOException {
    Map<Path, String> clientKeys = new HashMap<>();
    Set<String> done = new HashSet<>();
    for (LabEndpoint e : endpoints) {
      LabHost h = e.host();
      String key = clientKeys.get(h.clientKeyFile());
      if (key == null) {
        key = LabKeys.ensureClientKey(h);
        clientKeys.put(h.clientKeyFile(), key);
      }
      if (done.add(h.stateDir() + " " + key)) {
        LabKeys.authorize(h.stateDir(), key, "trustchain-lab " + h.clientKeyFile());
      }
    }
    LabKeys.trust(endpoints); // their host keys: lab serve made them when it started
  }


  /** The hosts being served, in the order given. */
  public List<LabEndpoint> endpoints() {
    return endpoints;
  }

  /** The hosts left unserved because their scenario makes them unreachable. */
  public List<LabHost> unreachable() {
    return unreachable;
  }

  public Optional<LabEndpoint> endpoint(String name) {
    return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Stops serving; sessions still open are closed, and each Mac writes what it kept in memory. */
  @Override
  public void close() {
    stop(sshd);
    for (SimulatedHost mac : served) {
      try {
        mac.flush();
      } catch (IOException e) {
        // its clock stays where the state file has it
      }
    }
  }

  private static void stop(MultiPortServer sshd) {
    if (sshd == null) {
      return;
    }
    try {
      sshd.stop(true);
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return "LabServer" + endpoints;
  }
}
