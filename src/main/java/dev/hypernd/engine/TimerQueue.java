package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One shard of the engine's timers (see {@link Timers}): the due times of what the engine waits
 * for. Intervals, delays, backoffs and timeouts wait on the monotonic clock; calendar fires wait on
 * wall time, so that a wall-clock step moves them with the wall clock. Thread-safe: its own lock is
 * held only to add, cancel or take one timer (O(log n)), never while a timer runs.
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
      owner.cancel(this);
    }

    void run(Effects effects) {
      action.accept(effects);
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
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
    lock.lock();
    try {
      Timer t = new Timer(this, seq++, deadlineNanos, null, action);
      monotonic.add(t);
      if (monotonic.peek() == t) {
        changed.signalAll();
      }
      return t;
    } finally {
      lock.unlock();
    }
  }

  Timer atWall(Instant deadline, Consumer<Effects> action) {
    lock.lock();
    try {
      Timer t = new Timer(this, seq++, 0, deadline, action);
      wall.add(t);
      if (wall.peek() == t) {
        changed.signalAll();
      }
      return t;
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns the timers due at these times, monotonic ones first, each in order. */
  List<Timer> pollDue(long nanoNow, Instant wallNow) {
    List<Timer> due = new ArrayList<>();
    Timer t;
    while ((t = pollOneDue(nanoNow, wallNow, Long.MAX_VALUE)) != null) {
      due.add(t);
    }
    return due;
  }

  /**
   * Removes and returns the first timer due at these times that was added before timer number
   * {@code seqLimit} (monotonic ones first), or null. Taking one at a time lets the caller run it
   * and hand its task to a worker before it takes the next.
   */
  Timer pollOneDue(long nanoNow, Instant wallNow, long seqLimit) {
    lock.lock();
    try {
      return takeDue(nanoNow, wallNow, seqLimit);
    } finally {
      lock.unlock();
    }
  }

  /** The number the next timer added will get; with {@link #pollOneDue} it bounds a round. */
  long nextSeq() {
    lock.lock();
    try {
      return seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits (real time) until a timer is due on {@code clock} and takes it, or until {@code
   * maxWaitNanos} have passed, the queue changed or {@code stop} holds, and returns null. {@link
   * #wake()} after setting what {@code stop} reads is never missed.
   */
  Timer awaitDue(EngineClock clock, long maxWaitNanos, BooleanSupplier stop)
      throws InterruptedException {
    lock.lock();
    try {
      if (stop.getAsBoolean()) {
        return null;
      }
      long nanoNow = clock.nanoTime();
      Instant wallNow = clock.now();
      Timer due = takeDue(nanoNow, wallNow, Long.MAX_VALUE);
      if (due == null) {
        long wait = nanosUntilNextLocked(nanoNow, wallNow);
        changed.awaitNanos(Math.min(wait, maxWaitNanos));
      }
      return due;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a thread waiting in {@link #awaitDue}. */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Nanoseconds until the next timer is due: 0 if one is due, {@link Long#MAX_VALUE} if none. */
  long nanosUntilNext(long nanoNow, Instant wallNow) {
    lock.lock();
    try {
      return nanosUntilNextLocked(nanoNow, wallNow);
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return monotonic.size() + wall.size();
    } finally {
      lock.unlock();
    }
  }

  private Timer takeDue(long nanoNow, Instant wallNow, long seqLimit) {
    while (!monotonic.isEmpty() && monotonic.peek().deadlineNanos - nanoNow <= 0) {
      Timer t = monotonic.peek();
      if (!t.cancelled && t.seq >= seqLimit) {
        break;
      }
      monotonic.poll();
      if (take(t)) {
        return t;
      }
    }
    while (!wall.isEmpty() && !wall.peek().wallDeadline.isAfter(wallNow)) {
      Timer t = wall.peek();
      if (!t.cancelled && t.seq >= seqLimit) {
        break;
      }
      wall.poll();
      if (take(t)) {
        return t;
      }
    }
    return null;
  }

  private boolean take(Timer t) {
    if (t.cancelled) {
      cancelledCount--;
      return false;
    }
    // A timer that has fired can no longer be cancelled into the purge count.
    t.cancelled = true;
    return true;
  }

  private void cancel(Timer t) {
    lock.lock();
    try {
      if (!t.cancelled) {
        t.cancelled = true;
        cancelledCount++;
        purgeIfMostlyCancelled();
      }
    } finally {
      lock.unlock();
    }
  }

  private long nanosUntilNextLocked(long nanoNow, Instant wallNow) {
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

  private void purgeIfMostlyCancelled() {
    if (cancelledCount > 1024 && cancelledCount > (monotonic.size() + wall.size()) / 2) {
      monotonic.removeIf(t -> t.cancelled);
      wall.removeIf(t -> t.cancelled);
      cancelledCount = 0;
    }
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
