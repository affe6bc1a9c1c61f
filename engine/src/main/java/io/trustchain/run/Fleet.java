package io.trustchain.run;

import io.trustchain.spi.LabHost;
import io.trustchain.spi.LabProvider;
import io.trustchain.transport.Connector;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one run: one transport per host, opened on first use and reused until the
 * run ends; and, when the inventory names simulated Macs, the lab that serves them.
 */
public final class Fleet implements AutoCloseable {

  private final Connector connector;
  private final Map<String, Transport> open = new ConcurrentHashMap<>();
  private AutoCloseable lab;

  public Fleet(Connector connector) {
    this.connector = connector;
  }

  /** Brings up the simulated Macs among {@code targets} (none: nothing happens). */
  public void startLab(List<Target> targets) throws IOException {
    List<LabHost> hosts = targets.stream().flatMap(t -> t.lab().stream()).toList();
    if (hosts.isEmpty()) {
      return;
    }
    Optional<LabProvider> provider = ServiceLoader.load(LabProvider.class).findFirst();
    if (provider.isEmpty()) {
      throw new IOException("the inventory names simulated Macs (trustchain_lab_scenario) but the lab is not "
          + "on the classpath; run trustchain through its launcher");
    }
    lab = provider.get().serve(hosts);
  }

  /** The host's transport, connecting on first use. */
  public Transport transport(Target target) throws TransportException {
    Transport t = open.get(target.host());
    if (t != null) {
      return t;
    }
    Transport fresh = connector.connect(target.connection());
    Transport raced = open.putIfAbsent(target.host(), fresh);
    if (raced != null) {
      fresh.close();
      return raced;
    }
    return fresh;
  }

  /** Closes and forgets the host's transport (after a dropped connection). */
  public void forget(Target target) {
    Transport t = open.remove(target.host());
    if (t != null) {
      t.close();
    }
  }

  @Override
  public void close() {
    open.values().forEach(Transport::close);
    open.clear();
    connector.close();
    if (lab != null) {
      try {
        lab.close();
      } catch (Exception e) {
        // the lab's own shutdown problems must not hide the run's result
      }
      lab = null;
    }
  }
}
