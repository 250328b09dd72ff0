package dev.hypernd.store.sqlite;

import dev.hypernd.engine.TaskResult;
import dev.hypernd.engine.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures durable task transitions per second of {@link SqliteTaskStore} (not a test; run it with
 * {@code bench/store-throughput.sh}). A transition is one {@code save} of a task's new state; it is
 * durable once a {@code flush} that follows it has returned.
 *
 * <ul>
 *   <li>stream: one thread creates tasks and saves PENDING, RUNNING, COMPLETED for each, as the
 *       engine does, then flushes once: sustained throughput with group commit;
 *   <li>acked-N: N threads each save a transition and wait for it to be durable before the next, as
 *       a control request that flushes before it answers: commits shared by N waiters;
 *   <li>acked-1 is the cost of one sync per transition, what a store without group commit pays.
 * </ul>
 */
public final class StoreThroughputHarness {
  private StoreThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    Path dir =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("hb");
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    System.out.println("state files under " + dir);
    stream(dir.resolve("stream.db"), tasks);
    for (int threads : new int[] {1, 16, 64}) {
      acked(dir.resolve("acked-" + threads + ".db"), threads, 5_000);
    }
  }

  private static TaskResult task(long id, TaskState state, Instant t) {
    return new TaskResult(
        "sched-" + id,
        "bench-job-" + (id % 50),
        state,
        state == TaskState.COMPLETED ? "ok" : null,
        null,
        state == TaskState.PENDING ? 0 : 1,
        state == TaskState.COMPLETED ? 12 : 0,
        t,
        state == TaskState.PENDING ? null : t,
        state == TaskState.COMPLETED ? t : null,
        null,
        List.of("user-" + id + "@example.com"));
  }

  private static void stream(Path file, int tasks) {
    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      Instant t = Instant.now();
      long start = System.nanoTime();
      for (int i = 0; i < tasks; i++) {
        long id = store.nextTaskNumber();
        store.save(task(id, TaskState.PENDING, t));
        store.save(task(id, TaskState.RUNNING, t));
        store.save(task(id, TaskState.COMPLETED, t));
      }
      store.flush();
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "stream:   %,d tasks, %,d transitions durable in %.2f s = %,.0f durable transitions/s%n",
          tasks, 3L * tasks, secs, 3L * tasks / secs);
    }
  }

  private static void acked(Path file, int threads, long millis) throws InterruptedException {
    try (SqliteTaskStore store = SqliteTaskStore.open(file)) {
      AtomicLong transitions = new AtomicLong();
      long deadline = System.nanoTime() + millis * 1_000_000;
      Instant t = Instant.now();
      List<Thread> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        Thread w =
            new Thread(
                () -> {
                  while (System.nanoTime() < deadline) {
                    long id = store.nextTaskNumber();
                    for (TaskState s :
                        new TaskState[] {
                          TaskState.PENDING, TaskState.RUNNING, TaskState.COMPLETED
                        }) {
                      store.save(task(id, s, t));
                      store.flush();
                      transitions.incrementAndGet();
                    }
                  }
                });
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "acked-%d: %,d transitions, each durable before the next of its thread, in %.2f s ="
              + " %,.0f durable transitions/s%n",
          threads, transitions.get(), secs, transitions.get() / secs);
    }
  }
}
