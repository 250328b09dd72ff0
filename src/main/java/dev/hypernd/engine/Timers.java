package dev.hypernd.engine;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The engine's timers, split into shards that each have their own lock and their own dispatch
 * thread ({@link DispatchLoop}). A job's fires always go to the same shard (by its name), so one
 * thread plans them in order; a task's delay, backoff and timeout go to the shard of its number.
 *
 * <p>Why shards: when thousands of jobs fall due at the same instant, one thread that takes every
 * fire, creates its task and hands it out would do the whole burst alone while the other cores
 * wait. With one shard per core, the burst is planned by every dispatch thread at once, and each
 * hands a task to the workers as soon as it is created. A hierarchical wheel would make adding a
 * timer O(1) but would round due times to its tick; per-worker queues would tie timers to an
 * executor the engine does not own (the builder takes any {@link java.util.concurrent.Executor}).
 * Adding to a heap costs O(log n) under a lock held for that alone, which is not where the time
 * goes.
 */
final class Timers {
  private final TimerQueue[] shards;

  Timers(int shards) {
    if (shards <= 0) {
      throw new IllegalArgumentException("shards (" + shards + ") must be positive");
    }
    this.shards = new TimerQueue[shards];
    for (int i = 0; i < shards; i++) {
      this.shards[i] = new TimerQueue();
    }
  }

  int shardCount() {
    return shards.length;
  }

  TimerQueue shard(int i) {
    return shards[i];
  }

  /** A monotonic timer in the shard of {@code key} (a job's name, a task's number). */
  TimerQueue.Timer atNanos(Object key, long deadlineNanos, Consumer<Effects> action) {
    return shardOf(key).atNanos(deadlineNanos, action);
  }

  /** A wall-clock timer in the shard of {@code key}. */
  TimerQueue.Timer atWall(Object key, Instant deadline, Consumer<Effects> action) {
    return shardOf(key).atWall(deadline, action);
  }

  /** Nanoseconds until the earliest timer of any shard is due; {@link Long#MAX_VALUE} if none. */
  long nanosUntilNext(long nanoNow, Instant wallNow) {
    long wait = Long.MAX_VALUE;
    for (TimerQueue shard : shards) {
      wait = Math.min(wait, shard.nanosUntilNext(nanoNow, wallNow));
    }
    return wait;
  }

  /** Wakes every dispatch thread (at stop). */
  void wakeAll() {
    for (TimerQueue shard : shards) {
      shard.wake();
    }
  }

  private TimerQueue shardOf(Object key) {
    return shards.length == 1 ? shards[0] : shards[Math.floorMod(key.hashCode(), shards.length)];
  }
}
