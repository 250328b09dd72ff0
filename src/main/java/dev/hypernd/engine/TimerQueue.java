package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Due times of everything the engine waits for. Intervals, delays, backoffs and timeouts wait on
 * the monotonic clock; calendar fires wait on wall time, so that a wall-clock step moves them with
 * the wall clock. Not thread-safe: used under the engine's lock.
 */
final class TimerQueue {
  /** A pending timer; cancelling it is O(1) and it is dropped lazily when it comes due. */
  static final class Timer {
    private final long seq;
    private final long deadlineNanos;
    private final Instant wallDeadline;
    private final Consumer<Effects> action;
    private final TimerQueue owner;
    private boolean cancelled;

    private Timer(
        TimerQueue owner,
        long seq,
        long deadlineNanos,
        Instant wallDeadline,
        Consumer<Effects> action) {
      this.owner = owner;
      this.seq = seq;
      this.deadlineNanos = deadlineNanos;
      this.wallDeadline = wallDeadline;
      this.action = action;
    }

    void cancel() {
      if (!cancelled) {
        cancelled = true;
        owner.cancelledCount++;
        owner.purgeIfMostlyCancelled();
      }
    }

    boolean isCancelled() {
      return cancelled;
    }

    void run(Effects effects) {
      action.accept(effects);
    }
  }

  // nanoTime values may wrap, so they are compared by the sign of their difference.
  private final PriorityQueue<Timer> monotonic =
      new PriorityQueue<>(
          (a, b) -> {
            int byDeadline = Long.signum(a.deadlineNanos - b.deadlineNanos);
            return byDeadline != 0 ? byDeadline : Long.compare(a.seq, b.seq);
          });
  private final PriorityQueue<Timer> wall =
      new PriorityQueue<>(
          Comparator.<Timer, Instant>comparing(t -> t.wallDeadline).thenComparingLong(t -> t.seq));
  private long seq;
  // Cancelled timers (typically timeouts of tasks that ended early) stay queued until purged.
  private int cancelledCount;

  Timer atNanos(long deadlineNanos, Consumer<Effects> action) {
    Timer t = new Timer(this, seq++, deadlineNanos, null, action);
    monotonic.add(t);
    return t;
  }

  Timer atWall(Instant deadline, Consumer<Effects> action) {
    Timer t = new Timer(this, seq++, 0, deadline, action);
    wall.add(t);
    return t;
  }

  /** Removes and returns the timers due at these times, monotonic ones first, each in order. */
  List<Timer> pollDue(long nanoNow, Instant wallNow) {
    List<Timer> due = new ArrayList<>();
    while (!monotonic.isEmpty() && monotonic.peek().deadlineNanos - nanoNow <= 0) {
      take(monotonic.poll(), due);
    }
    while (!wall.isEmpty() && !wall.peek().wallDeadline.isAfter(wallNow)) {
      take(wall.poll(), due);
    }
    return due;
  }

  /** Nanoseconds until the next timer is due: 0 if one is due, {@link Long#MAX_VALUE} if none. */
  long nanosUntilNext(long nanoNow, Instant wallNow) {
    dropCancelledHeads();
    long wait = Long.MAX_VALUE;
    if (!monotonic.isEmpty()) {
      wait = Math.max(0, monotonic.peek().deadlineNanos - nanoNow);
    }
    if (!wall.isEmpty()) {
      Duration untilWall = Duration.between(wallNow, wall.peek().wallDeadline);
      long nanos = untilWall.isNegative() ? 0 : saturatedNanos(untilWall);
      wait = Math.min(wait, nanos);
    }
    return wait;
  }

  private void take(Timer t, List<Timer> due) {
    if (t.cancelled) {
      cancelledCount--;
    } else {
      // A timer that has fired can no longer be cancelled into the purge count.
      t.cancelled = true;
      due.add(t);
    }
  }

  private void purgeIfMostlyCancelled() {
    if (cancelledCount > 1024 && cancelledCount > size() / 2) {
      monotonic.removeIf(t -> t.cancelled);
      wall.removeIf(t -> t.cancelled);
      cancelledCount = 0;
    }
  }

  int size() {
    return monotonic.size() + wall.size();
  }

  private void dropCancelledHeads() {
    while (!monotonic.isEmpty() && monotonic.peek().cancelled) {
      monotonic.poll();
      cancelledCount--;
    }
    while (!wall.isEmpty() && wall.peek().cancelled) {
      wall.poll();
      cancelledCount--;
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
