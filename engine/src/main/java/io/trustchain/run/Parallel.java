package io.trustchain.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Runs work for many hosts at once, at most {@code forks} at a time, on virtual threads. */
public final class Parallel {

  private Parallel() {}

  /** {@code work} applied to every item; results in the items' order. Work must not throw. */
  public static <T, R> List<R> map(List<T> items, int forks, Function<T, R> work) {
    Semaphore slots = new Semaphore(Math.max(1, forks));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> {
          slots.acquire();
          try {
            return work.apply(item);
          } finally {
            slots.release();
          }
        }));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
