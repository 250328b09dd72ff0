package dev.hypernd.jobs.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * {@code cron: "0 3 * * *"} in {@code zone}. The expression is kept as text: it has been checked by
 * the cron parser at load, and the engine compiles it; the config layer does not depend on the cron
 * package.
 */
public record CronScheduleSpec(String expression, ZoneId zone) implements Schedule {
  public CronScheduleSpec {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
  }
}
