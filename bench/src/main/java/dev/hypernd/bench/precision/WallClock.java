package dev.hypernd.bench.precision;

import java.time.Instant;

/** Maps {@link System#nanoTime()} values to wall-clock nanoseconds, from one reading of both. */
final class WallClock {
  private final long baseNanos;
  private final long baseWallNanos;

  WallClock() {
    long before = System.nanoTime();
    long wall = wallNanos(Instant.now());
    long after = System.nanoTime();
    baseNanos = before + (after - before) / 2;
    baseWallNanos = wall;
  }

  static long wallNanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  static long wallNowNanos() {
    return wallNanos(Instant.now());
  }

  long toWall(long nanos) {
    return baseWallNanos + (nanos - baseNanos);
  }

  Instant toInstant(long nanos) {
    long wall = toWall(nanos);
    return Instant.ofEpochSecond(
        Math.floorDiv(wall, 1_000_000_000L), Math.floorMod(wall, 1_000_000_000L));
  }
}
