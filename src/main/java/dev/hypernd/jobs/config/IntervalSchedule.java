package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code interval: 30s}: fixed-rate fires, the first one interval after load unless {@code
 * at_start: true} also fires it at load.
 */
public record IntervalSchedule(Duration every, boolean atStart) implements Schedule {
  public IntervalSchedule {
    Objects.requireNonNull(every, "every");
    if (every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("every (" + every + ") must be positive");
    }
  }
}
