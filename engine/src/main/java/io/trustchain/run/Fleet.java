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
import java.util.function.Supplier;

/**
 * The connections of one run: one transport per host, opened on first use and reused until the
 * run ends; and, when the inventory names simulated Macs, the lab that serves them.
 */
public final class Fleet implements AutoCloseable {

  private final Connector connector;
  private final Supplier<Optional<LabProvider>> labs;
  private final Map<String, Transport> open = new ConcurrentHashMap<>();
  private AutoCloseable lab;

  /** A fleet whose lab, if any, is found on the classpath ({@link ServiceLoader}). */
  public Fleet(Connector connector) {
    this(connector, () -> ServiceLoader.load(LabProvider.class).findFirst());
  }

  /**
   * @param labs finds the lab when the run names simulated Macs; asked only then (the distribution
   *     keeps the lab out of the production classpath and opens it on demand)
   */
  public Fleet(Connector connector, Supplier<Optional<LabProvider>> labs) {
    this.connector = connector;
    this.labs = labs;
  }

  /** Brings up the simulated Macs among {@code targets} (none: nothing happens). */
  public void startLab(List<Target> targets) throws IOException {
    List<LabHost> hosts = targets.stream().flatMap(t -> t.lab().stream()).toList();
    if (hosts.isEmpty()) {
      return;
    }
    Optional<LabProvider> provider = labs.get();
    if (provider.isEmpty()) {
      throw new IOException("the inventory names simulated Macs (trustchain_lab_scenario) but this trustchain has "
          + "no lab (the release archive keeps it in its lab/ folder; run trustchain through bin/trustchain)");
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
