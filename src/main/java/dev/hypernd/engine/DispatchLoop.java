package dev.hypernd.engine;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that waits for the next due timer and dispatches it. It sleeps on a condition
 * until the earliest deadline, so it costs nothing between fires; it is woken when an earlier timer
 * is added. It wakes at least once a second so calendar fires follow a wall-clock step, which also
 * lets a watchdog tell a waiting loop from a stuck one ({@link #wentRoundWithin}).
 */
final class DispatchLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Engine engine;
  // Real time, like the loop's own waits: the dispatch thread only ever runs on the host's clock.
  private volatile long lastTurnNanos = System.nanoTime();
  private volatile boolean ended;

  DispatchLoop(Engine engine) {
    this.engine = engine;
  }

  /** Whether the loop is still running and began a turn within the last {@code nanos}. */
  boolean wentRoundWithin(long nanos) {
    return !ended && System.nanoTime() - lastTurnNanos <= nanos;
  }

  @Override
  public void run() {
    try {
      loop();
    } finally {
      ended = true;
    }
  }

  private void loop() {
    while (true) {
      lastTurnNanos = System.nanoTime();
      engine.lock.lock();
      try {
        if (engine.isStopping()) {
          return;
        }
        long wait = engine.nanosUntilNextDue();
        if (wait > 0) {
          engine.wake.awaitNanos(Math.min(wait, MAX_WAIT_NANOS));
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        engine.lock.unlock();
      }
      try {
        engine.dispatchDue();
      } catch (RuntimeException e) {
        log.error("dispatch failed; the scheduler carries on", e);
      }
    }
  }
}
