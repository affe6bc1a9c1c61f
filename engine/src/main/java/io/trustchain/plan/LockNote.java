package io.trustchain.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An apply lock found on a host while gathering its facts (every run looks): whose it is, how old,
 * what state it is in, and the exact command that breaks it. {@code plan} reports it and counts it as
 * drift for {@code --detailed-exitcode}; {@code apply} breaks what it may and reports the rest.
 *
 * @param runId the holder's run id; empty when the owner file is missing or unreadable
 * @param owner who holds it, for people: {@code octocat via URL (runner@gh-7, pid 4242)}
 * @param ageSeconds since it was taken, on the Mac's clock; empty when unknown
 * @param expiresInSeconds until anyone may break it, on the Mac's clock (0 or less: expired); empty when unknown
 * @param command the exact command that breaks it ({@code trustchain apply --force-unlock RUN …})
 */
public record LockNote(Optional<String> runId, String owner, OptionalLong ageSeconds, OptionalLong expiresInSeconds,
    State state, String command) {

  /** What the run that saw the lock makes of it. */
  public enum State {
    /** Held by a live run, or by one this controller cannot judge (another controller's, not expired). */
    HELD,
    /** Its time-to-live is over on the Mac's clock: a killed run's; any apply breaks it. */
    EXPIRED,
    /** Taken by this controller, whose process is gone (or its pid now names another process). */
    DEAD,
    /** Taken by this very run, and left behind (a release that failed). */
    OWN,
    /** The lock exists but names no run (its owner file is missing or unreadable). */
    UNREADABLE
  }

  public LockNote {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(ageSeconds, "ageSeconds == null");
    Objects.requireNonNull(expiresInSeconds, "expiresInSeconds == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(command, "command == null");
  }

  /** {@code locked by run 3f2a… of octocat (runner@gh-7, pid 4242), taken 12 min ago, expires in 48 min (Mac clock)}. */
  public String describe() {
    StringBuilder b = new StringBuilder("locked by ");
    b.append(runId.map(id -> "run " + id + " of " + owner).orElse("an apply whose owner file is missing or unreadable"));
    ageSeconds.ifPresent(a -> b.append(", taken ").append(duration(a)).append(" ago"));
    expiresInSeconds.ifPresent(e -> b.append(e > 0 ? ", expires in " + duration(e) : ", expired " + duration(-e) + " ago"));
    if (ageSeconds.isPresent() || expiresInSeconds.isPresent()) {
      b.append(" (Mac clock)");
    }
    return b.toString();
  }

  /** What to do about it, with the exact command. */
  public String advice() {
    return switch (state) {
      case HELD -> "if that run is dead, break its lock: " + command;
      case EXPIRED -> "it expired: the next apply breaks it (or now: " + command + ")";
      case DEAD -> "its process on this controller is gone: the next apply from here breaks it (or now: " + command + ")";
      case OWN -> "it is this run's own: released";
      case UNREADABLE -> "if no apply is running, break it: " + command;
    };
  }

  /** {@code 42 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 days}. */
  static String duration(long seconds) {
    if (seconds < 120) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    return hours / 24 + " days";
  }

  @Override
  public String toString() {
    return describe() + "; " + advice();
  }
}
