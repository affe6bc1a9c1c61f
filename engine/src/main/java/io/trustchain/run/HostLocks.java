package io.trustchain.run;

import io.trustchain.plan.LockNote;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes and releases the apply lock of each host for a run: waits up to {@code lockTimeout} for a
 * lock another run holds (polling), breaks a lock whose time is up (a killed run's), breaks the
 * locks of the run named by {@code --force-unlock} (or any lock, with {@code any}), and otherwise
 * refuses with a message naming the holder.
 */
public final class HostLocks {

  /** {@code --force-unlock any}: break whatever lock is there, even one without an owner file. */
  public static final String ANY = "any";

  private static final int MAX_BREAKS = 3;

  private final ApplyLock lock;
  private final String command;
  private final Duration lockTimeout;
  private final Optional<String> forceUnlock;
  private final Duration poll;
  private final LockInspector inspector;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final Set<String> taking = ConcurrentHashMap.newKeySet();

  /** The host could not be locked; the message names the holder and what to do. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  public HostLocks(RunIdentity me, String command, Duration commandTimeout, Duration lockTimeout,
      Optional<String> forceUnlock) {
    this(me, command, commandTimeout, lockTimeout, forceUnlock, LockInspector.of(me));
  }

  /** @param inspector judges locks seen while planning, and words the command that breaks one */
  public HostLocks(RunIdentity me, String command, Duration commandTimeout, Duration lockTimeout,
      Optional<String> forceUnlock, LockInspector inspector) {
    this(new ApplyLock(me, commandTimeout), command, lockTimeout, forceUnlock, Duration.ofSeconds(1), inspector);
  }

  HostLocks(ApplyLock lock, String command, Duration lockTimeout, Optional<String> forceUnlock, Duration poll,
      LockInspector inspector) {
    this.lock = Objects.requireNonNull(lock, "lock == null");
    this.command = Objects.requireNonNull(command, "command == null");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout == null");
    this.forceUnlock = Objects.requireNonNull(forceUnlock, "forceUnlock == null");
    this.poll = poll;
    this.inspector = Objects.requireNonNull(inspector, "inspector == null");
  }

  /** How a lock seen on a host is broken: expecting its run id (any lock when empty), and why it may be. */
  record Breaking(Optional<String> expectedRunId, String why) {}

  /**
   * Whether this run breaks a lock it saw: one named by {@code --force-unlock} (or any, with {@code any}),
   * an expired one, one whose process on this controller is gone, or its own left behind; never a held one.
   */
  Optional<Breaking> breaking(LockNote note) {
    boolean any = forceUnlock.map(ANY::equals).orElse(false);
    if (any || (note.runId().isPresent() && forceUnlock.equals(note.runId()))) {
      return Optional.of(new Breaking(note.runId(), "--force-unlock"));
    }
    return switch (note.state()) {
      case EXPIRED -> Optional.of(new Breaking(note.runId(), "expired"));
      case DEAD -> Optional.of(new Breaking(note.runId(), "its process on this controller is gone"));
      case OWN -> Optional.of(new Breaking(note.runId(), "this run's own, left behind"));
      case HELD, UNREADABLE -> Optional.empty();
    };
  }

  /** What breaking a lock for {@code why} did, worth a note (and an audit line); empty when nothing was there. */
  Optional<String> broke(String host, Breaking breaking, ApplyLock.Break result) {
    return switch (result) {
      case ApplyLock.Break.Broken b -> Optional.of(switch (breaking.why()) {
        case "--force-unlock" -> "broke the apply lock (--force-unlock) of ";
        case "expired" -> "broke the expired apply lock of ";
        case "this run's own, left behind" -> "released this run's own apply lock, left behind: ";
        default -> "broke the apply lock of a dead run (" + breaking.why() + "): ";
      } + b.owner().map(LockOwner::describe).orElse("an unknown run"));
      case ApplyLock.Break.Moot m -> Optional.empty();
      case ApplyLock.Break.Failed f -> Optional.of("could not break the apply lock on " + host + " ("
          + breaking.why() + "): " + f.why());
    };
  }

  /** Connects when a lock is to be broken. */
  @FunctionalInterface
  interface Connection {
    Transport open() throws TransportException;
  }

  /** Heals a host this run has no change for: breaks its lock when it may, else reports it (without connecting). */
  Optional<String> heal(String host, LockNote note, Connection connection) throws TransportException {
    Optional<Breaking> b = breaking(note);
    if (b.isEmpty()) {
      return Optional.of(host + " is " + note.describe() + "; " + note.advice());
    }
    return broke(host, b.get(), lock.breakLock(connection.open(), b.get().expectedRunId()));
  }

  LockInspector inspector() {
    return inspector;
  }

  ApplyLock lock() {
    return lock;
  }

  /** What the lock's owner file says ran this run ({@code apply}). */
  String command() {
    return command;
  }

  /**
   * After an attempt that did not take the lock (another run holds it): breaks it when it may be broken
   * (expired on the Mac's clock, or named by {@code --force-unlock}), waits up to the lock timeout
   * (polling), and takes it; returns what happened worth a note. Refused when the lock stays held.
   */
  List<String> acquireAfter(String host, Transport transport, long ttlSeconds, ApplyLock.Attempt first)
      throws TransportException, Refused {
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    List<String> notes = new ArrayList<>();
    int breaks = 0;
    ApplyLock.Attempt attempt = first;
    while (true) {
      switch (attempt) {
        case ApplyLock.Attempt.Acquired a -> {
          return notes;
        }
        case ApplyLock.Attempt.Failed f -> throw new Refused("cannot take the apply lock on " + host + ": " + f.why());
        case ApplyLock.Attempt.Held held -> {
          Optional<LockOwner> owner = held.owner();
          boolean forced = forceUnlock.isPresent()
              && (forceUnlock.get().equals(ANY) || owner.map(o -> o.runId().equals(forceUnlock.get())).orElse(false));
          boolean expired = owner.map(o -> o.expiredAt(held.macNow())).orElse(false);
          if ((forced || expired) && breaks < MAX_BREAKS) {
            breaks++;
            Optional<String> expected = forced && forceUnlock.get().equals(ANY) ? Optional.empty()
                : owner.map(LockOwner::runId);
            ApplyLock.Break result = lock.breakLock(transport, expected);
            switch (result) {
              case ApplyLock.Break.Broken b -> notes.add((forced ? "broke the apply lock (--force-unlock) of "
                  : "broke the expired apply lock of ") + b.owner().map(LockOwner::describe).orElse("an unknown run"));
              case ApplyLock.Break.Moot m -> { }
              case ApplyLock.Break.Failed f ->
                  throw new Refused("cannot break the apply lock on " + host + ": " + f.why());
            }
          } else {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new Refused(heldMessage(host, owner));
            }
            sleep(Duration.ofNanos(Math.min(left, poll.toNanos())));
          }
        }
      }
      attempt = lock.take(transport, command, ttlSeconds);
    }
  }

  /** A note when a release did not go as expected; empty when the lock was released. */
  Optional<String> describe(String host, ApplyLock.Release release) {
    String id = lock.me().runId();
    return switch (release) {
      case ApplyLock.Release.Released r -> Optional.empty();
      case ApplyLock.Release.NotOurs n -> Optional.of("the apply lock was no longer this run's when it ended"
          + n.holder().map(h -> " (now held by " + h.describe() + ")").orElse(" (it had been removed)"));
      case ApplyLock.Release.Failed f -> Optional.of("could not release the apply lock of run " + id + " on " + host
          + " (tried twice, the second time on a fresh connection): " + f.why() + "; it expires by itself, or break"
          + " it with --force-unlock " + id);
    };
  }

  /** An exec that takes the lock of {@code host} is on its way: the lock may be ours from now on. */
  void taking(String host) {
    taking.add(host);
  }

  /** The exec that tried to take the lock of {@code host} found it held by another run. */
  void notTaken(String host) {
    taking.remove(host);
  }

  /** This run now holds the lock of {@code host}. */
  void taken(String host) {
    held.add(host);
    taking.remove(host);
  }

  /** This run no longer holds the lock of {@code host} (released, or found broken). */
  void released(String host) {
    held.remove(host);
    taking.remove(host);
  }

  /**
   * The hosts whose lock this run holds right now, or may hold (its taking exec has not answered
   * yet), sorted: what an aborted run leaves behind.
   */
  public Set<String> held() {
    Set<String> all = new TreeSet<>(held);
    all.addAll(taking);
    return all;
  }

  String heldMessage(String host, Optional<LockOwner> owner) {
    if (owner.isEmpty()) {
      return host + " is locked by another apply whose owner file is missing or unreadable ("
          + ApplyLock.LOCK + "); if no apply is running, break it: " + inspector.command(ANY);
    }
    LockOwner o = owner.get();
    return host + " is locked by another apply: " + o.describe() + ". Wait for it (--lock-timeout), or, if that "
        + "run is dead, break its lock: " + inspector.command(o.runId());
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a lock", e);
    }
  }
}
