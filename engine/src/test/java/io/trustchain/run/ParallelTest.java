package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void resultsReachTheSinkInTheItemsOrder_withAtMostForksRunning() {
    List<Integer> items = IntStream.range(0, 60).boxed().toList();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> seen = new ArrayList<>();
    Parallel.forEachInOrder(items, 5, i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleep(i % 3 == 0 ? 6 : 1); // later items often finish first
      running.decrementAndGet();
      return i * 10;
    }, (item, result) -> {
      assertThat(result).isEqualTo(item * 10);
      seen.add(item);
    });
    assertThat(seen).isEqualTo(items);
    assertThat(most.get()).isBetween(2, 5);
    assertThat(Parallel.map(items, 3, i -> -i)).isEqualTo(items.stream().map(i -> -i).toList());
  }

  @Test
  void aFailingItemIsRethrown_andLaterItemsAreNotStarted() {
    AtomicInteger started = new AtomicInteger();
    List<Integer> items = IntStream.range(0, 1000).boxed().toList();
    assertThatThrownBy(() -> Parallel.map(items, 2, i -> {
      started.incrementAndGet();
      if (i == 3) {
        throw new IllegalStateException("host 3 broke");
      }
      sleep(2); // a host takes time: without the stop every one of the 1,000 would start
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("host 3 broke");
    // not a timing bound: under load the other worker may start a few more, never all of them
    assertThat(started.get()).isLessThan(items.size());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
