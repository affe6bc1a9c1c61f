package io.trustchain.lab.macos.state;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The Mac's simulated clock: the scenario's start time plus the time that passed in the lab. Tools
 * advance it a little per log line, so NSLog timestamps move forward like real ones.
 */
public final class SimClock {

  private static final DateTimeFormatter NSLOG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private String start;
  private long elapsedMillis;
  private transient OffsetDateTime startTime; // start, parsed once (a clock is read at every log line)

  private SimClock() {}

  public SimClock(OffsetDateTime start) {
    this.start = Objects.requireNonNull(start, "start == null").toString();
  }

  public OffsetDateTime now() {
    if (startTime == null) {
      startTime = OffsetDateTime.parse(start);
    }
    return startTime.plus(Duration.ofMillis(elapsedMillis));
  }

  /** Milliseconds since the epoch, now. */
  public long nowMillis() {
    return now().toInstant().toEpochMilli();
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    elapsedMillis += by.toMillis();
  }

  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** How far the clock ran since the scenario's start. */
  long elapsedMillis() {
    return elapsedMillis;
  }

  void elapsedMillis(long value) {
    this.elapsedMillis = value;
  }

  /** {@code 2026-06-24 21:49:30.218}, the NSLog form (local time of the scenario's offset). */
  public String nslogTimestamp() {
    return now().format(NSLOG);
  }

  /** Whole days since {@code millis}. */
  public long daysSince(long millis) {
    return Duration.ofMillis(nowMillis() - millis).toDays();
  }

  @Override
  public String toString() {
    return now().toString();
  }
}
