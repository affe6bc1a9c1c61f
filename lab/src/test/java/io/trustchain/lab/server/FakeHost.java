package io.trustchain.lab.server;

import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.shell.FakeMachine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** A {@link SimulatedHost} over a {@link FakeMachine}: one lock, counted transactions, recorded events. */
public final class FakeHost implements SimulatedHost {

  private final String name;
  private final Function<String, FakeMachine> scenario;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger transactions = new AtomicInteger();
  private final AtomicInteger saves = new AtomicInteger();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private volatile FakeMachine machine;

  public FakeHost(String name, Function<String, FakeMachine> scenario) {
    this.name = name;
    this.scenario = scenario;
    this.machine = scenario.apply(name);
  }

  public FakeMachine machine() {
    return machine;
  }

  public int transactions() {
    return transactions.get();
  }

  public int saves() {
    return saves.get();
  }

  public List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public boolean isLocked() {
    return lock.isLocked();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public <T> T transact(Transaction<T> work) throws IOException {
    lock.lock();
    try {
      transactions.incrementAndGet();
      try {
        return work.run(machine);
      } finally {
        saves.incrementAndGet();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String event(String event, String user) {
    events.add(user == null ? event : event + " " + user);
    return switch (event) {
      case "login" -> user + " logged in on " + name;
      case "logout" -> user + " logged out of " + name;
      case "login-decline" -> user + " logged in on " + name + " and declined FileVault";
      case "logout-decline" -> user + " logged out of " + name + " and declined FileVault";
      case "reboot" -> name + " restarted";
      case "advance-days" -> "the clock of " + name + " moved " + user + " days";
      default -> throw new IllegalArgumentException("unknown event " + event);
    };
  }

  @Override
  public void reset() {
    events.add("reset");
    machine = scenario.apply(name);
  }
}
