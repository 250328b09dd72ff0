package dev.hypernd.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether the engine has started or is stopping, and how many attempts are running: the flags every
 * part reads on its hot path without a lock, and the wait for the running count to reach zero.
 */
final class RunState {
  private final EngineClock clock;
  private final AtomicInteger running = new AtomicInteger();
  private final ReentrantLock idleLock = new ReentrantLock();
  private final Condition idle = idleLock.newCondition();
  private volatile boolean started;
  private volatile boolean stopping;
  private volatile long startNanos;
  // Set while a thread waits in awaitIdle: the last attempt to end only signals then, so the hot
  // path never takes the idle lock.
  private volatile boolean awaited;

  RunState(EngineClock clock) {
    this.clock = clock;
    this.startNanos = clock.nanoTime();
  }

  boolean isStarted() {
    return started;
  }

  void markStarted() {
    startNanos = clock.nanoTime();
    started = true;
  }

  boolean isStopping() {
    return stopping;
  }

  void markStopping() {
    stopping = true;
  }

  long uptimeSeconds() {
    return started ? TimeUnit.NANOSECONDS.toSeconds(clock.nanoTime() - startNanos) : 0;
  }

  void attemptStarted() {
    running.incrementAndGet();
  }

  void attemptEnded() {
    if (running.decrementAndGet() == 0 && awaited) {
      idleLock.lock();
      try {
        idle.signalAll();
      } finally {
        idleLock.unlock();
      }
    }
  }

  /** Waits (real time) until no attempt is running. */
  boolean awaitIdle(Duration grace) throws InterruptedException {
    long remaining = grace.toNanos();
    idleLock.lock();
    awaited = true;
    try {
      while (running.get() > 0) {
        if (remaining <= 0) {
          return false;
        }
        remaining = idle.awaitNanos(remaining);
      }
      return true;
    } finally {
      awaited = false;
      idleLock.unlock();
    }
  }
}
