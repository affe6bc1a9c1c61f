package io.trustchain.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The owner file of a Mac's apply lock ({@code /var/db/trustchain/apply.lock/owner}): one
 * {@code key=value} per line, {@code run_id} first. Times are the Mac's clock (seconds since the
 * epoch, from {@code date -u +%s} on the Mac), so expiry never depends on two clocks agreeing.
 *
 * @param acquired when the lock was taken, Mac clock; empty when unreadable
 * @param ttlSeconds how long the lock holds before anyone may break it
 * @param pidStart when the controller's process started (epoch milliseconds, the controller's clock), so a
 *     pid reused by another process is not taken for the owner; empty in owner files without it
 * @param stuck why the run kept its lock: a command of it timed out and was not confirmed dead on the Mac
 *     ({@code stuck=} line, see {@link ApplyLock#keep}); empty otherwise
 */
public record LockOwner(String runId, String who, String controller, String pid, String ci, String command,
    OptionalLong acquired, OptionalLong ttlSeconds, OptionalLong pidStart, Optional<String> stuck) {

  public LockOwner(String runId, String who, String controller, String pid, String ci, String command,
      OptionalLong acquired, OptionalLong ttlSeconds, OptionalLong pidStart) {
    this(runId, who, controller, pid, ci, command, acquired, ttlSeconds, pidStart, Optional.empty());
  }

  public LockOwner(String runId, String who, String controller, String pid, String ci, String command,
      OptionalLong acquired, OptionalLong ttlSeconds) {
    this(runId, who, controller, pid, ci, command, acquired, ttlSeconds, OptionalLong.empty());
  }

  /** The owner file's lines for {@code me}, with {@code acquired} left to the Mac ({@code $tc_now}). */
  static List<String> lines(RunIdentity me, String command, long ttlSeconds, String acquiredWord) {
    return List.of(
        "run_id=" + me.runId(),
        "who=" + me.who(),
        "controller=" + me.controller(),
        "pid=" + me.pid(),
        "pid_start=" + ProcessHandle.of(me.pid()).flatMap(p -> p.info().startInstant())
            .map(i -> Long.toString(i.toEpochMilli())).orElse(""),
        "ci=" + me.ci().orElse(""),
        "command=" + command,
        "acquired=" + acquiredWord,
        "ttl=" + ttlSeconds);
  }

  /** The owner described by an owner file's text; empty when it names no run. */
  static Optional<LockOwner> parse(String text) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        v.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    String runId = v.getOrDefault("run_id", "");
    if (runId.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LockOwner(runId, v.getOrDefault("who", "?"), v.getOrDefault("controller", "?"),
        v.getOrDefault("pid", "?"), v.getOrDefault("ci", ""), v.getOrDefault("command", "?"),
        number(v.get("acquired")), number(v.get("ttl")), number(v.get("pid_start")),
        Optional.ofNullable(v.get("stuck")).filter(w -> !w.isEmpty())));
  }

  /** When the lock may be broken, Mac clock; empty when unknown (then it never expires by itself). */
  public OptionalLong expires() {
    return acquired.isPresent() && ttlSeconds.isPresent()
        ? OptionalLong.of(acquired.getAsLong() + ttlSeconds.getAsLong()) : OptionalLong.empty();
  }

  public boolean expiredAt(OptionalLong macNow) {
    return macNow.isPresent() && expires().isPresent() && macNow.getAsLong() >= expires().getAsLong();
  }

  /** {@code run 3f2a… of alice via URL (alice@laptop, pid 42), taken at …, expires at … (Mac clock)}. */
  public String describe() {
    StringBuilder b = new StringBuilder("run ").append(runId).append(" of ").append(who);
    if (!ci.isEmpty()) {
      b.append(" via ").append(ci);
    }
    b.append(" (").append(controller).append(", pid ").append(pid).append(")");
    acquired.ifPresent(t -> b.append(", taken at ").append(Instant.ofEpochSecond(t)));
    expires().ifPresent(t -> b.append(", expires at ").append(Instant.ofEpochSecond(t)));
    if (acquired.isPresent()) {
      b.append(" (Mac clock)");
    }
    stuck.ifPresent(w -> b.append("; it kept the lock: ").append(w));
    return b.toString();
  }

  private static OptionalLong number(String s) {
    try {
      return s == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
