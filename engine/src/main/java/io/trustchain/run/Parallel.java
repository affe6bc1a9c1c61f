package io.trustchain.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs work for many hosts at once, at most {@code forks} at a time, on virtual threads: {@code
 * forks} workers take the items in order, so results arrive roughly in order and a caller that
 * streams them ({@link #forEachInOrder}) holds only the few that finished ahead of an earlier one.
 */
public final class Parallel {

  private Parallel() {}

  /** {@code work} applied to every item; results in the items' order. Work must not throw. */
  public static <T, R> List<R> map(List<T> items, int forks, Function<T, R> work) {
    List<R> results = new ArrayList<>(items.size());
    forEachInOrder(items, forks, work, (item, result) -> results.add(result));
    return results;
  }

  /**
   * {@code work} applied to every item; each result handed to {@code sink} on the calling thread,
   * in the items' order, as soon as it and every earlier one are done (and then forgotten). Work
   * must not throw; an exception from work or sink stops taking new items and is rethrown.
   */
  public static <T, R> void forEachInOrder(List<T> items, int forks, Function<T, R> work, BiConsumer<T, R> sink) {
    int n = items.size();
    List<CompletableFuture<R>> slots = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      slots.add(new CompletableFuture<>());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = Math.min(Math.max(1, forks), n); w > 0; w--) {
        pool.execute(() -> {
          for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
            CompletableFuture<R> slot = slots.get(i);
            try {
              slot.complete(work.apply(items.get(i)));
            } catch (RuntimeException | Error e) {
              stop.set(true);
              slot.completeExceptionally(e);
            }
          }
        });
      }
      try {
        for (int i = 0; i < n; i++) {
          R result = slots.get(i).join();
          slots.set(i, null);
          sink.accept(items.get(i), result);
        }
      } catch (CompletionException e) {
        stop.set(true);
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      } catch (RuntimeException | Error e) {
        stop.set(true);
        throw e;
      }
    }
  }
}
