package dev.hypernd.engine.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on kept finished tasks. Unfinished tasks are never pruned.
 *
 * @param maxPerJob keep at most this many finished tasks of each job (newest kept)
 * @param maxTotal keep at most this many finished tasks over all jobs (newest kept)
 * @param maxAge delete finished tasks that finished longer ago than this
 */
public record Retention(int maxPerJob, int maxTotal, Duration maxAge) {
  /** 1,000 finished tasks per job, 100,000 in all, none older than 30 days. */
  public static final Retention DEFAULT = new Retention(1_000, 100_000, Duration.ofDays(30));

  public Retention {
    if (maxPerJob <= 0) {
      throw new IllegalArgumentException("maxPerJob (" + maxPerJob + ") must be positive");
    }
    if (maxTotal <= 0) {
      throw new IllegalArgumentException("maxTotal (" + maxTotal + ") must be positive");
    }
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge (" + maxAge + ") must be positive");
    }
  }

  /** Per-job count and age bounds, no bound on the total. */
  public Retention(int maxPerJob, Duration maxAge) {
    this(maxPerJob, Integer.MAX_VALUE, maxAge);
  }
}
