package dev.hypernd.jobs.config;

import dev.hypernd.engine.OverlapPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code defaults:} block. Jobs in a loaded {@link JobFile} already have these applied; the
 * block is kept for display and for tools that compare files.
 *
 * <p>{@code timezone} applies to cron jobs; {@code overlap} to interval and cron jobs (a once job
 * uses {@code allow} unless it sets {@code overlap} itself, so that submissions do not silently
 * drop each other); {@code output} to command jobs; {@code timeout}, {@code retry}, {@code env} and
 * {@code alert} to every job (a job's own {@code alert} replaces the default one whole).
 */
public record Defaults(
    Optional<ZoneId> timezone,
    Optional<Duration> timeout,
    Optional<OverlapPolicy> overlap,
    RetryBlock retry,
    Map<String, String> env,
    Optional<AlertConfig> alert,
    Optional<OutputMode> output) {

  public static final Defaults NONE =
      new Defaults(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          RetryBlock.EMPTY,
          Map.of(),
          Optional.empty(),
          Optional.empty());

  public Defaults {
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(alert, "alert");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Objects.requireNonNull(output, "output");
  }
}
