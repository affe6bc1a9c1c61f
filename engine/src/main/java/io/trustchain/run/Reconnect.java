package io.trustchain.run;

import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reaching a host again after its connection dropped during apply: a bounded number of attempts with
 * a doubling pause between them. Failures that another attempt cannot fix (a host key, an
 * authentication, a secret) end the attempts at once.
 */
final class Reconnect {

  /** What the attempts gave: the value, or the last error; and how many attempts were made. */
  record Outcome<T>(Optional<T> value, int attempts, Optional<TransportException> lastError) {}

  /** One attempt: reconnect and do the work. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws TransportException;
  }

  private final int attempts;
  private final Duration firstPause;

  Reconnect(int attempts, Duration firstPause) {
    this.attempts = Math.max(1, attempts);
    this.firstPause = firstPause;
  }

  /** Three attempts, pausing 0.5 s then 1 s. */
  static Reconnect standard() {
    return new Reconnect(3, Duration.ofMillis(500));
  }

  <T> Outcome<T> attempt(Work<T> work) {
    Duration pause = firstPause;
    TransportException last = null;
    for (int i = 1; i <= attempts; i++) {
      try {
        return new Outcome<>(Optional.of(work.run()), i, Optional.empty());
      } catch (TransportException e) {
        last = e;
        if (hopeless(e) || i == attempts) {
          return new Outcome<>(Optional.empty(), i, Optional.of(e));
        }
      }
      sleep(pause);
      pause = pause.multipliedBy(2);
    }
    return new Outcome<>(Optional.empty(), attempts, Optional.ofNullable(last));
  }

  private static boolean hopeless(TransportException e) {
    return switch (e.kind()) {
      case HOST_KEY, HOST_KEY_CHANGED, AUTH, SECRET, SUDO_REFUSED -> true;
      case UNREACHABLE, TIMEOUT, DROPPED, PROTOCOL -> false;
    };
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
