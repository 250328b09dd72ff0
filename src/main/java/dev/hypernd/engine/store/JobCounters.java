package dev.hypernd.engine.store;

import java.util.Map;
import java.util.Objects;

/**
 * The counters behind a job's metrics (or all jobs', under {@link #TOTAL}), kept so that {@code
 * total_*} and {@code top_errors} survive a restart. Durations are not kept: {@code avg/p95/p99}
 * start afresh with each run of the daemon.
 *
 * @param key a job name, or {@link #TOTAL}
 * @param errors attempts that failed, by error type
 */
public record JobCounters(
    String key,
    long submitted,
    long completed,
    long failed,
    long retried,
    long cancelled,
    long skipped,
    Map<String, Long> errors) {

  /** The key of the counters over all jobs; no job name can be {@code *}. */
  public static final String TOTAL = "*";

  public JobCounters {
    Objects.requireNonNull(key, "key");
    errors = Map.copyOf(errors);
  }
}
