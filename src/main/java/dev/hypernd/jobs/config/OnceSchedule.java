package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code once: {}}: a one-shot job that runs when submitted by hand; with {@code at_start: true} it
 * also runs once, {@code delay} after the daemon starts.
 */
public record OnceSchedule(Duration delay, boolean atStart) implements Schedule {
  public OnceSchedule {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay (" + delay + ") must not be negative");
    }
  }
}
