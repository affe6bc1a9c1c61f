package io.trustchain.lab.macos.state;

import io.trustchain.lab.exec.NetworkFault;
import java.time.Duration;
import java.util.Objects;

/** The stored form of a {@link NetworkFault} (its remaining count persists with the state). */
public final class NetFault {

  private String id;
  private NetworkFault.Kind kind;
  private String match;
  private long delayMillis;
  private int remaining = -1;
  private boolean survivesKill;

  private NetFault() {}

  public NetFault(String id, NetworkFault.Kind kind, String match, long delayMillis, int remaining,
      boolean survivesKill) {
    this(id, kind, match, delayMillis, remaining);
    this.survivesKill = survivesKill;
  }

  public NetFault(String id, NetworkFault.Kind kind, String match, long delayMillis, int remaining) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.match = match;
    this.delayMillis = delayMillis;
    this.remaining = remaining;
  }

  public String id() {
    return id;
  }

  public boolean live() {
    return remaining != 0;
  }

  public NetworkFault toFault() {
    return new NetworkFault(id, kind, match, Duration.ofMillis(delayMillis), remaining, survivesKill);
  }

  public void fired() {
    if (remaining > 0) {
      remaining--;
    }
  }

  @Override
  public String toString() {
    return toFault().toString();
  }
}
