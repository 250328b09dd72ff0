package dev.hypernd.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a {@link TaskScheduler} owns when the builder is not given executors. */
final class WorkerPools {
  private WorkerPools() {}

  /** A fixed pool of daemon threads {@code hypernd-worker-N} whose idle threads time out. */
  static ExecutorService workers(int workers) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "hypernd-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The single background thread that prunes the store. */
  static ExecutorService maintenance() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "hypernd-maintenance");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * How many dispatch threads (and timer shards) a scheduler runs: one per core, so a burst of due
   * fires is planned on every core, at most 8 (beyond that the workers need the cores).
   */
  static int dispatchThreads() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }
}
