package dev.hypernd.engine.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on kept finished tasks, applied per job.
 *
 * @param maxPerJob keep at most this many finished tasks of each job (newest kept)
 * @param maxAge delete finished tasks that finished longer ago than this
 */
public record Retention(int maxPerJob, Duration maxAge) {
  public Retention {
    if (maxPerJob <= 0) {
      throw new IllegalArgumentException("maxPerJob (" + maxPerJob + ") must be positive");
    }
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge (" + maxAge + ") must be positive");
    }
  }
}
