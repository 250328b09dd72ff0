package dev.hypernd.bench.precision;

import dev.hypernd.engine.EngineClock;
import java.time.Instant;

/**
 * The host's clocks, except that the registering thread reads a planned anchor while it registers a
 * job. {@code TaskScheduler.interval} has no initial delay: the first fire is one period after the
 * engine reads its clock at registration. Pinning that reading makes the engine's n-th due exactly
 * anchor + n × period, as for the other contenders. Pinned values are never ahead of the real
 * clock, and other threads (dispatch, workers) always read the real clocks.
 */
final class PinnedClock implements EngineClock {
  private volatile Thread pinnedThread;
  private long pinnedNanos;
  private Instant pinnedWall;

  void pin(long nanos, Instant wall) {
    pinnedNanos = nanos;
    pinnedWall = wall;
    pinnedThread = Thread.currentThread();
  }

  void unpin() {
    pinnedThread = null;
  }

  @Override
  public Instant now() {
    return Thread.currentThread() == pinnedThread ? pinnedWall : Instant.now();
  }

  @Override
  public long nanoTime() {
    return Thread.currentThread() == pinnedThread ? pinnedNanos : System.nanoTime();
  }
}
