package dev.hypernd.testing;

import dev.hypernd.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock that moves only when a test moves it, for a {@link dev.hypernd.engine.TaskScheduler}
 * built with {@code clock(...)}. Wall and monotonic time move together; {@link #stepWall} moves the
 * wall clock alone, as NTP or an operator would. Thread-safe.
 */
public final class ManualClock implements EngineClock {
  private Instant wall;
  // Starts near the wrap-around point so that monotonic arithmetic is exercised with overflow.
  private long nanos = Long.MAX_VALUE - Duration.ofDays(1).toNanos();

  public ManualClock(Instant start) {
    this.wall = start;
  }

  @Override
  public synchronized Instant now() {
    return wall;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  /**
   * Moves both clocks forward by {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is negative: a monotonic clock never goes back
   */
  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a monotonic clock cannot go back: " + d);
    }
    wall = wall.plus(d);
    nanos += d.toNanos();
  }

  /** Steps the wall clock only, forward or back, as NTP or an operator would. */
  public synchronized void stepWall(Duration d) {
    wall = wall.plus(d);
  }
}
