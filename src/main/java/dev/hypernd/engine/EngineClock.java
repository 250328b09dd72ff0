package dev.hypernd.engine;

import java.time.Instant;

/**
 * The engine's only source of time. Wall time stamps tasks and drives cron; monotonic time drives
 * intervals, delays, backoffs and timeouts, so that a wall-clock step never makes an interval job
 * drift or fire twice.
 */
public interface EngineClock {

  /** Wall-clock time. */
  Instant now();

  /** Monotonic nanoseconds with an arbitrary origin, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The host's clocks. */
  static EngineClock system() {
    return SystemClock.INSTANCE;
  }
}
