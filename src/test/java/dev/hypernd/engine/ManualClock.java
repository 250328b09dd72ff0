package dev.hypernd.engine;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test moves it; wall and monotonic time move together. */
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

  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a monotonic clock cannot go back: " + d);
    }
    wall = wall.plus(d);
    nanos += d.toNanos();
  }

  /** Steps the wall clock only, as NTP or an operator would. */
  public synchronized void stepWall(Duration d) {
    wall = wall.plus(d);
  }
}
