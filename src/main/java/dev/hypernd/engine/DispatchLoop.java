package dev.hypernd.engine;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one timer shard: waits for the shard's next due timer, takes it, runs it and
 * carries out its effects at once (a fire's task reaches a worker before the next timer is taken).
 * It sleeps on the shard's condition until the earliest deadline, so it costs nothing between
 * fires, and is woken when an earlier timer is added. It wakes at least once a second so calendar
 * fires follow a wall-clock step, which also lets a watchdog tell a waiting loop from a stuck one
 * ({@link #wentRoundWithin}).
 */
final class DispatchLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final TimerQueue shard;
  private final EngineClock clock;
  private final RunState run;
  private final Outlet outlet;
  // Real time, like the loop's own waits: the dispatch thread only ever runs on the host's clock.
  private volatile long lastTurnNanos = System.nanoTime();
  private volatile boolean ended;

  DispatchLoop(TimerQueue shard, EngineClock clock, RunState run, Outlet outlet) {
    this.shard = shard;
    this.clock = clock;
    this.run = run;
    this.outlet = outlet;
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
    while (!run.isStopping()) {
      lastTurnNanos = System.nanoTime();
      TimerQueue.Timer due;
      try {
        due = shard.awaitDue(clock, MAX_WAIT_NANOS, run::isStopping);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (due == null || run.isStopping()) {
        continue;
      }
      try {
        outlet.runTimer(due);
      } catch (RuntimeException e) {
        log.error("dispatch failed; the scheduler carries on", e);
      }
    }
  }
}
