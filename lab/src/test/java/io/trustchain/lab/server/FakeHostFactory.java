package io.trustchain.lab.server;

import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.shell.FakeMachine;
import io.trustchain.spi.LabHost;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Opens {@link FakeHost}s, one per name, each from {@code scenario}. */
public final class FakeHostFactory implements SimulatedHostFactory {

  private final Map<String, FakeHost> hosts = new ConcurrentHashMap<>();
  private final Function<String, FakeMachine> scenario;

  public FakeHostFactory() {
    this(FakeMachine::standard);
  }

  public FakeHostFactory(Function<String, FakeMachine> scenario) {
    this.scenario = scenario;
  }

  @Override
  public FakeHost open(LabHost host) {
    return hosts.computeIfAbsent(host.name(), n -> new FakeHost(n, scenario));
  }

  public FakeHost host(String name) {
    return hosts.get(name);
  }
}
