package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code random_delay}, systemd's RandomizedDelaySec: each fire of a cron job is delayed by an
 * amount in {@code [0, max)}.
 *
 * @param perHost with {@code random_delay_seed: host}, the amount is fixed for this host and job
 *     (so a fleet spreads its load and each host keeps its slot); otherwise it is drawn anew for
 *     each fire, from a seed chosen when the daemon starts
 */
public record RandomDelay(Duration max, boolean perHost) {
  /** A delay longer than a day would let a daily job's fire pass the next one. */
  public static final Duration LONGEST = Duration.ofDays(1);

  public RandomDelay {
    Objects.requireNonNull(max, "max");
    if (max.isNegative() || max.isZero()) {
      throw new IllegalArgumentException("random_delay (" + max + ") must be positive");
    }
  }
}
