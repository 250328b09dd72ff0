package dev.hypernd.jobs.config;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cron: "0 3 * * *"} in {@code zone}, each fire delayed by up to {@code random_delay} when
 * that is set. The expression is kept as text: it has been checked by the cron parser at load, and
 * the engine compiles it; the config layer does not depend on the cron package.
 */
public record CronScheduleSpec(String expression, ZoneId zone, Optional<RandomDelay> randomDelay)
    implements Schedule {
  public CronScheduleSpec {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(randomDelay, "randomDelay");
  }

  /** Fires exactly at the expression's times. */
  public CronScheduleSpec(String expression, ZoneId zone) {
    this(expression, zone, Optional.empty());
  }
}
