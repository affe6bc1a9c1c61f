package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reaching a host again after a drop: bounded attempts, and none wasted on what another attempt cannot fix. */
class ReconnectTest {

  private final Reconnect reconnect = new Reconnect(3, Duration.ofMillis(1));

  @Test
  void triesUntilItWorks_atMostThreeTimes() {
    AtomicInteger calls = new AtomicInteger();
    Reconnect.Outcome<String> ok = reconnect.attempt(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new TransportException(TransportException.Kind.UNREACHABLE, "refused");
      }
      return "verified";
    });
    assertThat(ok.value()).contains("verified");
    assertThat(ok.attempts()).isEqualTo(3);

    calls.set(0);
    Reconnect.Outcome<String> never = reconnect.attempt(() -> {
      calls.incrementAndGet();
      throw new TransportException(TransportException.Kind.DROPPED, "dropped");
    });
    assertThat(never.value()).isEmpty();
    assertThat(calls).hasValue(3);
    assertThat(never.lastError()).hasValueSatisfying(e -> assertThat(e.getMessage()).isEqualTo("dropped"));
  }

  @Test
  void aHostKeyOrAuthenticationProblemEndsTheAttemptsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    Reconnect.Outcome<String> out = reconnect.attempt(() -> {
      calls.incrementAndGet();
      throw new TransportException(TransportException.Kind.AUTH, "denied");
    });
    assertThat(out.value()).isEmpty();
    assertThat(calls).hasValue(1);
  }
}
