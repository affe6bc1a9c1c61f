package io.trustchain.run;

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
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /** A lock this run holds on a host, and what happened while taking it. */
  record Lease(String host, List<String> notes) {}

  /** The host could not be locked; the message names the holder and what to do. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  public HostLocks(RunIdentity me, String command, Duration commandTimeout, Duration lockTimeout,
      Optional<String> forceUnlock) {
    this(new ApplyLock(me, commandTimeout), command, lockTimeout, forceUnlock, Duration.ofSeconds(1));
  }

  HostLocks(ApplyLock lock, String command, Duration lockTimeout, Optional<String> forceUnlock, Duration poll) {
    this.lock = Objects.requireNonNull(lock, "lock == null");
    this.command = Objects.requireNonNull(command, "command == null");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout == null");
    this.forceUnlock = Objects.requireNonNull(forceUnlock, "forceUnlock == null");
    this.poll = poll;
  }

  Lease acquire(String host, Transport transport, long ttlSeconds) throws TransportException, Refused {
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    List<String> notes = new ArrayList<>();
    int breaks = 0;
    while (true) {
      ApplyLock.Attempt attempt = lock.take(transport, command, ttlSeconds);
      switch (attempt) {
        case ApplyLock.Attempt.Acquired a -> {
          held.add(host);
          return new Lease(host, notes);
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
            continue;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new Refused(heldMessage(host, owner));
          }
          sleep(Duration.ofNanos(Math.min(left, poll.toNanos())));
        }
      }
    }
  }

  /** Releases the lease; returns a note when the lock could not be released as expected. */
  Optional<String> release(Lease lease, Transport transport) {
    held.remove(lease.host());
    try {
      return switch (lock.release(transport)) {
        case ApplyLock.Release.Released r -> Optional.empty();
        case ApplyLock.Release.NotOurs n -> Optional.of("the apply lock was no longer this run's when it ended"
            + n.holder().map(h -> " (now held by " + h.describe() + ")").orElse(" (it had been removed)"));
        case ApplyLock.Release.Failed f -> Optional.of("could not release the apply lock: " + f.why()
            + "; it expires by itself, or break it with --force-unlock");
      };
    } catch (TransportException e) {
      return Optional.of("could not release the apply lock (" + HostErrors.describe(e)
          + "); it expires by itself, or break it with --force-unlock");
    }
  }

  /**
   * The hosts whose lock this run holds right now (taken, not yet released), sorted: what an
   * aborted run leaves behind.
   */
  public Set<String> held() {
    return new TreeSet<>(held);
  }

  static String heldMessage(String host, Optional<LockOwner> owner) {
    if (owner.isEmpty()) {
      return host + " is locked by another apply whose owner file is missing or unreadable ("
          + ApplyLock.LOCK + "); if no apply is running, break it with --force-unlock " + ANY;
    }
    LockOwner o = owner.get();
    return host + " is locked by another apply: " + o.describe() + ". Wait for it (--lock-timeout), or, if that "
        + "run is dead, break its lock: --force-unlock " + o.runId();
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
